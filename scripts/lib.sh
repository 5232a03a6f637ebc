# shellcheck shell=bash
# Shared by walkthrough.sh and copy-walkthrough.sh (sourced, not run): the run's state, one line per check, and the
# shipped jar started and stopped as a user runs it. It sources lib-http.sh, which speaks HTTP the way a browser
# does (a cookie jar per user, every form sent with the csrf_token scraped from that very form, redirects looked at
# rather than followed) and holds the checks on what the server answered.
#
# Needs bash 4+, curl, java, awk, sed, md5sum. Every function leaves `set -euo pipefail` intact: a failed check is
# counted and reported, never a reason for the script to stop half-way.

WT_NAME=$(basename "$0" .sh) # the summary line's first word; wt_setup may rename
WT_PASSED=0
WT_FAILED=0
WT_WORK=""            # the temporary directory that holds everything a run writes
WT_JAR=""             # absolute path of the jar under test
WT_SERVER_PID=""      # the running java process, if any
WT_SERVER_LOG=""      # its output
WT_BASE=""            # http://127.0.0.1:PORT of the running server
WT_SECRET_KEY=""      # the SECRET_KEY every start of the jar gets
WT_DATABASE_URL=""    # set by wt_postgres_database
WT_FRESH_DB=""        # a database this run created and drops at exit
WT_MAINTENANCE_URL="" # the URL it was created through
WT_ENV=()             # the `env ...` prefix that runs the jar, set by wt_env

# ---------------------------------------------------------------------------------------------------------------------
# Reporting

wt_ok() {
    WT_PASSED=$((WT_PASSED + 1))
    printf 'ok - %s\n' "$1"
}

# wt_not_ok DESCRIPTION DETAIL
wt_not_ok() {
    WT_FAILED=$((WT_FAILED + 1))
    printf 'not ok - %s\n' "$1"
    [[ -z ${2:-} ]] || printf '#   %s\n' "$2"
}

# wt_check DESCRIPTION DETAIL COMMAND...: ok when COMMAND succeeds.
wt_check() {
    local description=$1 detail=$2
    shift 2
    if "$@"; then wt_ok "$description"; else wt_not_ok "$description" "$detail"; fi
}

# wt_summary: the final line; returns 1 when anything failed. Prints the tail of the server log to help a reader.
wt_summary() {
    if ((WT_FAILED > 0)) && [[ -n $WT_SERVER_LOG && -s $WT_SERVER_LOG ]]; then
        printf '# last lines of the server log (%s):\n' "$WT_SERVER_LOG"
        tail -n 25 "$WT_SERVER_LOG" | sed 's/^/#   /'
    fi
    printf '%s: %d passed, %d failed\n' "$WT_NAME" "$WT_PASSED" "$WT_FAILED"
    ((WT_FAILED == 0))
}

# wt_mask URL: URL with its password, if any, replaced by *** (for printing).
wt_mask() {
    printf '%s\n' "$1" | sed -E 's#^([a-z:]+//[^:/@]*):[^@/]*@#\1:***@#; s#(password=)[^&]*#\1***#'
}

# wt_bail_out REASON: stops the walkthrough when what follows can only fail for the same reason (exit 1).
wt_bail_out() {
    printf '# bail out: %s\n' "$1"
    wt_summary || true
    exit 1
}

# wt_die MESSAGE: a usage or set-up problem, before any check ran (exit 2, as the jar does).
wt_die() {
    printf '%s: %s\n' "$WT_NAME" "$1" >&2
    exit 2
}

# ---------------------------------------------------------------------------------------------------------------------
# Set-up and the server

# wt_setup NAME JAR: names the run (the summary line's first word), checks the tools and the jar, makes the work
# directory and a SECRET_KEY. The caller installs the EXIT trap (calling wt_cleanup) so that it can add its own
# clean-up before.
wt_setup() {
    WT_NAME=$1
    local jar=$2 tool
    for tool in java curl awk sed md5sum; do
        command -v "$tool" >/dev/null 2>&1 || wt_die "$tool is not installed; the walkthrough needs it"
    done
    [[ -f $jar ]] || wt_die "no jar at $jar; build it with: ./mvnw -B -q package -DskipTests"
    WT_JAR="$(cd "$(dirname "$jar")" && pwd)/$(basename "$jar")"
    WT_WORK=$(mktemp -d "${TMPDIR:-/tmp}/blog-$WT_NAME.XXXXXX")
    WT_SECRET_KEY=${SECRET_KEY:-$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')}
}

# wt_cleanup: stops the server, drops the database wt_postgres_database created and removes the work directory (kept
# when WALKTHROUGH_KEEP=1, to look at it).
wt_cleanup() {
    wt_stop_server # first: the server holds connections to the database
    if [[ -n $WT_FRESH_DB ]]; then
        psql -X -q -v ON_ERROR_STOP=1 -d "$WT_MAINTENANCE_URL" \
            -c "DROP DATABASE IF EXISTS $WT_FRESH_DB WITH (FORCE)" >/dev/null 2>&1 ||
            printf '# could not drop database %s; drop it by hand\n' "$WT_FRESH_DB" >&2
        WT_FRESH_DB=""
    fi
    if [[ -n $WT_WORK && -d $WT_WORK ]]; then
        if [[ ${WALKTHROUGH_KEEP:-0} == 1 ]]; then
            printf '# kept %s\n' "$WT_WORK"
        else
            rm -rf -- "$WT_WORK"
        fi
    fi
}

# wt_postgres_database URL: sets WT_DATABASE_URL to a database to run on. URL is postgres://USER[:PASS]@HOST[:PORT][/DB]
# (or postgresql://). On a local server (127.0.0.1, localhost, [::1]) a fresh database is created there with psql,
# connecting to DB (default postgres), and wt_cleanup drops it; on any other host DB itself is used and must be empty.
# shellcheck disable=SC2034 # WT_DATABASE_URL is read by the sourcing script
wt_postgres_database() {
    local url=$1 scheme authority given_db query host
    [[ $url =~ ^(postgres(ql)?://)([^/?#]+)(/([^?#]*))?(\?[^#]*)?$ ]] ||
        wt_die "not a postgres:// or postgresql:// URL: $(wt_mask "$url") (expected postgres://USER@HOST:PORT/DB)"
    scheme=${BASH_REMATCH[1]}
    authority=${BASH_REMATCH[3]}
    given_db=${BASH_REMATCH[5]}
    query=${BASH_REMATCH[6]}
    host=${authority##*@}
    if [[ $host == \[* ]]; then host=${host%%]*}]; else host=${host%%:*}; fi
    case $host in
        127.0.0.1 | localhost | '[::1]')
            command -v psql >/dev/null 2>&1 || wt_die "psql is not installed; it creates the fresh database"
            WT_MAINTENANCE_URL="$scheme$authority/${given_db:-postgres}$query"
            local fresh
            fresh="blog_${WT_NAME//-/_}_$(date +%s)_$$"
            psql -X -q -v ON_ERROR_STOP=1 -d "$WT_MAINTENANCE_URL" -c "CREATE DATABASE $fresh" >/dev/null ||
                wt_die "could not create database $fresh through $(wt_mask "$WT_MAINTENANCE_URL") (is the server up?)"
            WT_FRESH_DB=$fresh
            WT_DATABASE_URL="$scheme$authority/$fresh$query"
            printf '# created database %s (dropped at exit)\n' "$fresh"
            ;;
        *)
            [[ -n $given_db ]] || wt_die "name the database in $(wt_mask "$url"): on a remote server it is used as is"
            WT_DATABASE_URL=$url
            printf '# using database %s on %s as given: it must be empty\n' "$given_db" "$host"
            ;;
    esac
}

# wt_free_port: a port on 127.0.0.1 that nothing answers on right now.
wt_free_port() {
    local port i
    for ((i = 0; i < 100; i++)); do
        port=$((20000 + RANDOM % 40000))
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            printf '%s\n' "$port"
            return 0
        fi
    done
    return 1
}

# wt_env DATABASE_URL: sets WT_ENV to the `env ...` prefix that runs the jar with only the settings the walkthrough
# chooses (an empty DATABASE_URL means unset: the default SQLite blog.db in the working directory). Settings that a
# developer's shell may carry and that would change what is tested are removed.
wt_env() {
    WT_ENV=(env -u JDBC_DATABASE_URL -u JDBC_DATABASE_USERNAME -u JDBC_DATABASE_PASSWORD -u BLOG_ENV -u ADMIN_EMAILS
        -u SECRET_KEY_FALLBACKS -u BLOG_BASE_URL -u PORT -u BIND_HOST)
    if [[ -z $1 ]]; then WT_ENV+=(-u DATABASE_URL); else WT_ENV+=("DATABASE_URL=$1"); fi
    WT_ENV+=("SECRET_KEY=$WT_SECRET_KEY")
}

# wt_start_server DIR DATABASE_URL: `java -jar blog.jar` in DIR on a free port of 127.0.0.1, waits until /healthz
# answers 200. Returns 1 (after reporting) when it does not start within WALKTHROUGH_START_SECONDS (default 40).
wt_start_server() {
    local dir=$1 database_url=$2 port code deadline
    local limit=${WALKTHROUGH_START_SECONDS:-40}
    mkdir -p "$dir"
    WT_SERVER_LOG="$dir/server.log"
    for _ in 1 2 3; do
        port=${WALKTHROUGH_PORT:-$(wt_free_port)} || wt_die "found no free port on 127.0.0.1"
        WT_BASE="http://127.0.0.1:$port"
        printf '# starting %s in %s on %s (%s)\n' "$(basename "$WT_JAR")" "$dir" "$WT_BASE" \
            "$(wt_mask "${database_url:-DATABASE_URL unset: sqlite:///blog.db}")"
        wt_env "$database_url"
        # exec: $! is then the java process itself, which is what wt_stop_server stops.
        (cd "$dir" && exec "${WT_ENV[@]}" "PORT=$port" BIND_HOST=127.0.0.1 java -jar "$WT_JAR" serve) \
            >>"$WT_SERVER_LOG" 2>&1 &
        WT_SERVER_PID=$!
        deadline=$((SECONDS + limit))
        while ((SECONDS < deadline)) && kill -0 "$WT_SERVER_PID" 2>/dev/null; do
            code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$WT_BASE/healthz" 2>/dev/null) || true
            if [[ $code == 200 ]] && kill -0 "$WT_SERVER_PID" 2>/dev/null; then
                wt_ok "the jar serves $WT_BASE and GET /healthz answers 200 (after $((SECONDS + limit - deadline)) s)"
                return 0
            fi
            sleep 0.25
        done
        if kill -0 "$WT_SERVER_PID" 2>/dev/null; then
            wt_stop_server
            wt_not_ok "the jar answers GET /healthz with 200 within $limit s" "last answer: ${code:-none}"
            return 1
        fi
        wait "$WT_SERVER_PID" 2>/dev/null || true
        WT_SERVER_PID=""
        # Someone took the port between the probe and the bind: try another one.
        if [[ -z ${WALKTHROUGH_PORT:-} ]] && grep -qi 'address already in use' "$WT_SERVER_LOG"; then
            continue
        fi
        break
    done
    wt_not_ok "the jar starts and answers GET /healthz with 200" "the java process exited; see the server log below"
    return 1
}

# wt_stop_server: stops the server started by wt_start_server (TERM, then KILL after 10 s); no-op when none runs.
wt_stop_server() {
    local pid=$WT_SERVER_PID i
    [[ -n $pid ]] || return 0
    WT_SERVER_PID=""
    kill "$pid" 2>/dev/null || return 0
    for ((i = 0; i < 40; i++)); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.25
    done
    kill -9 "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
}

# shellcheck source-path=SCRIPTDIR source=lib-http.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib-http.sh"
