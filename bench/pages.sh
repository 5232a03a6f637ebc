#!/usr/bin/env bash
# Benchmark of the blog's pages: requests/s and p50/p99 latency of /, the deep page /?page=5000, /post/{id},
# /feed.xml and /about (the same process's ceiling), anonymous and logged in, on SQLite and PostgreSQL, with 100 and
# 100,000 posts; plus start-up time and resident memory. Prints a Markdown table. bench/README.md explains it all.
#
# Usage: bench/pages.sh [--quick] [--warmup SECONDS] [--duration SECONDS] [--label TEXT]
#                       [--posts "100 100000"] [--databases "sqlite postgresql"]
# Needs: Java 17, curl, psql, a PostgreSQL on 127.0.0.1:5432 (user postgres, trust auth); installs Debian's wrk.
# Its databases, server and bench/work-pages-<pid> are stopped, dropped and removed on exit, unless KEEP=1.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh

usage() {
    awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0" >&2
    exit 2
}

QUICK=0
WARMUP=""
DURATION=""
LABEL=""
POSTS=""
DATABASES="sqlite postgresql"
while [ $# -gt 0 ]; do
    case "$1" in
        --quick) QUICK=1 ;;
        --warmup) WARMUP="${2:?--warmup needs a number of seconds}"; shift ;;
        --duration) DURATION="${2:?--duration needs a number of seconds}"; shift ;;
        --label) LABEL="${2:?--label needs a text}"; shift ;;
        --posts) POSTS="${2:?--posts needs sizes such as \"100 100000\"}"; shift ;;
        --databases) DATABASES="${2:?--databases needs \"sqlite\", \"postgresql\" or both}"; shift ;;
        -h | --help) usage ;;
        *) echo "bench: unknown argument '$1'" >&2; usage ;;
    esac
    shift
done
for d in $DATABASES; do
    [[ "$d" = sqlite || "$d" = postgresql ]] || { echo "bench: unknown database '$d' (sqlite, postgresql)" >&2; exit 2; }
done
for n in "$WARMUP" "$DURATION" $POSTS; do
    [[ -z "$n" || "$n" =~ ^[1-9][0-9]*$ ]] || { echo "bench: '$n' is not a whole number of seconds" >&2; exit 2; }
done

if [ "$QUICK" = 1 ]; then
    SIZES="${POSTS:-100}"
    WARMUP="${WARMUP:-5}"
    DURATION="${DURATION:-5}"
    STARTS=3
else
    SIZES="${POSTS:-100 100000}"
    WARMUP="${WARMUP:-30}"
    DURATION="${DURATION:-10}"
    STARTS=5
fi
DEEP_PAGE=5000
WRK_FLAGS=(-t2 -c32 --timeout 10s)
READER_EMAIL="reader@bench.invalid"
READER_PASSWORD="bench reader password"
# As the Procfile's web process (with the class-data sharing archive when the build wrote one), with the issue's
# -Xmx64m. The archive is named by the Procfile's relative path, from a work folder laid out like the repository:
# JDK 17 accepts it only for the jar path it was written for (ADR 0036).
JAVA_FLAGS=(-Xmx64m -XX:+UseSerialGC)

# Named by the PID, so that two runs cannot drop each other's databases.
WORK="$(pwd)/bench/work-pages-$$"
PG_DATABASES=()
SERVER_PID=""
SERVERS=() # the servers of the database being measured, one per size

stop_server() {
    [ -n "$SERVER_PID" ] || return 0
    kill "$SERVER_PID" 2>/dev/null || true
    for _ in $(seq 100); do
        kill -0 "$SERVER_PID" 2>/dev/null || break
        sleep 0.1
    done
    kill -9 "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
    SERVER_PID=""
}

stop_servers() {
    for SERVER_PID in "${SERVERS[@]}"; do
        stop_server
    done
    SERVERS=()
}

cleanup() {
    stop_server
    stop_servers
    if [ "${KEEP:-0}" = 1 ]; then
        echo "bench: KEEP=1, kept $WORK and the databases ${PG_DATABASES[*]:-(none)}" >&2
        return
    fi
    for db in "${PG_DATABASES[@]}"; do
        psql -q -h 127.0.0.1 -U postgres -d postgres -c "DROP DATABASE IF EXISTS $db" >/dev/null 2>&1 || true
    done
    rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

for tool in java curl psql; do
    command -v "$tool" >/dev/null || fail "$tool is missing (apt-get install openjdk-17-jre-headless curl postgresql-client)"
done
if ! command -v wrk >/dev/null; then
    echo "bench: installing wrk (Debian package)" >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null || fail "could not install wrk: apt-get install wrk"
fi
psql -q -h 127.0.0.1 -U postgres -d postgres -c "SELECT 1" >/dev/null \
    || fail "no PostgreSQL on 127.0.0.1:5432 for user postgres (start it, with trust authentication for 127.0.0.1)"

if [ ! -f blog-web/target/blog.jar ]; then
    echo "bench: building blog-web/target/blog.jar" >&2
    ./mvnw -B -q package -DskipTests -pl blog-web -am
fi
mkdir -p "$WORK/blog-web/target"
# A private copy, so that a build running meanwhile cannot swap the jar under the benchmark; -p keeps the modification
# time that the archive records.
cp -p blog-web/target/blog.jar "$WORK/blog-web/target/blog.jar"
if [ -f blog-web/target/blog.jsa ]; then
    cp -p blog-web/target/blog.jsa "$WORK/blog-web/target/blog.jsa"
    JAVA_FLAGS+=(-XX:SharedArchiveFile=blog-web/target/blog.jsa)
fi
JAR="$WORK/blog-web/target/blog.jar"
SECRET="bench-$(date +%s%N)-$$-a-secret-long-enough-for-production"
RESULTS="$WORK/results.tsv"
: > "$RESULTS"
: > "$WORK/processes.tsv"

free_port() {
    local port
    for port in $(seq $((20000 + $$ % 20000)) 65000); do
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            echo "$port"
            return
        fi
    done
    fail "no free port on 127.0.0.1"
}

# Starts the jar as the Procfile does, on DATABASE_URL $1, and waits for the first 200 of /about; sets SERVER_PID, PORT
# and STARTUP_MS (java -jar to that first 200).
start_server() {
    PORT=$(free_port)
    local started log="$WORK/server-$(date +%s%N).log"
    now_us
    started=$NOW_US
    (cd "$WORK" && exec env DATABASE_URL="$1" PORT="$PORT" BIND_HOST=127.0.0.1 BLOG_ENV=production \
        SECRET_KEY="$SECRET" BLOG_BASE_URL="http://127.0.0.1:$PORT" \
        java "${JAVA_FLAGS[@]}" -jar blog-web/target/blog.jar serve) > "$log" 2>&1 &
    SERVER_PID=$!
    SERVER_LOG="$log"
    wait_for_first_200 "$PORT" "$SERVER_PID" "$log"
    now_us
    STARTUP_MS=$(( (NOW_US - started) / 1000 ))
}

# Logs the reader in once with curl; sets COOKIE to the session cookie that wrk sends.
log_in() {
    local jar="$WORK/cookies.txt" page token status
    rm -f "$jar"
    # Whole pages in variables, not pipes: with pipefail, grep -q or head closing a pipe early would fail the script.
    page=$(curl -s -c "$jar" -b "$jar" "http://127.0.0.1:$PORT/login")
    token=$(sed -n 's/.*name="csrf_token" value="\([^"]*\)".*/\1/p' <<< "$page")
    token=${token%%$'\n'*}
    [ -n "$token" ] || fail "no csrf_token on /login"
    status=$(curl -s -o /dev/null -w '%{http_code}' -c "$jar" -b "$jar" --data-urlencode "email=$READER_EMAIL" \
        --data-urlencode "password=$READER_PASSWORD" --data-urlencode "next=/" --data-urlencode "csrf_token=$token" \
        "http://127.0.0.1:$PORT/login")
    [ "$status" = 303 ] || fail "logging in answered $status, not 303"
    COOKIE="blog_session=$(awk '$6 == "blog_session" { print $7 }' "$jar")"
    page=$(curl -s -H "Cookie: $COOKIE" "http://127.0.0.1:$PORT/")
    [[ "$page" == *'action="/logout"'* ]] || fail "the session cookie does not show the reader as logged in"
}

# wrk's latency ("812.00us", "1.53ms", "2.01s") in milliseconds.
to_ms() {
    awk -v v="$1" 'BEGIN {
        if (v ~ /us$/) printf "%.2f", v / 1000; else if (v ~ /ms$/) printf "%.2f", v + 0;
        else if (v ~ /m$/) printf "%.0f", v * 60000; else printf "%.0f", v * 1000 }'
}

# The URL and the request headers of page $2 for visitor $3 on the server of size $1.
target() {
    local size=$1 path=${2//\{id\}/${POST[$1]}}
    URL="http://127.0.0.1:${PORTS[$size]}$path"
    HEADERS=()
    [ "$3" = anonymous ] || HEADERS=(-H "Cookie: ${COOKIES[$size]}")
}

# Checks that page $2 answers 200 for visitor $3 on the server of size $1 and warms it up for --warmup seconds.
warm_up() {
    local database=$1 size=$2 shown=$3 visitor=$4 status
    target "$size" "$shown" "$visitor"
    status=$(curl -s -o /dev/null -w '%{http_code}' "${HEADERS[@]}" "$URL")
    [ "$status" = 200 ] || fail "$shown answered $status for the $visitor visitor on $database ($size posts)"
    echo "bench: $database, $size posts, $shown, $visitor: ${WARMUP} s warm-up" >&2
    wrk "${WRK_FLAGS[@]}" "-d${WARMUP}s" "${HEADERS[@]}" "$URL" > /dev/null
}

# Warms every page of the run up for --warmup seconds on the server of size $2, anonymous and logged in in turn.
mixed_warm_up() {
    local database=$1 size=$2 paths=(/about / "/post/${POST[$2]}")
    [ "$QUICK" = 1 ] || paths+=(/feed.xml)
    [ "$size" -le $(( (DEEP_PAGE - 1) * 10 )) ] || paths+=("/?page=$DEEP_PAGE")
    echo "bench: $database, $size posts, every page, both visitors in turn: ${WARMUP} s warm-up" >&2
    wrk "${WRK_FLAGS[@]}" "-d${WARMUP}s" -s bench/mixed.lua "http://127.0.0.1:${PORTS[$size]}" -- "${COOKIES[$size]}" \
        "${paths[@]}" > /dev/null
}

# Measures page $3 for visitor $4 on the server of size $2 for --duration seconds; appends a line to $RESULTS.
measure() {
    local database=$1 size=$2 shown=$3 visitor=$4 out="$WORK/wrk.out"
    target "$size" "$shown" "$visitor"
    echo "bench: $database, $size posts, $shown, $visitor: ${DURATION} s measured" >&2
    wrk "${WRK_FLAGS[@]}" "-d${DURATION}s" --latency "${HEADERS[@]}" "$URL" > "$out"
    local rps p50 p99 errors
    rps=$(awk '/^Requests\/sec:/ { printf "%.0f", $2 }' "$out")
    p50=$(to_ms "$(awk '$1 == "50%" { print $2 }' "$out")")
    p99=$(to_ms "$(awk '$1 == "99%" { print $2 }' "$out")")
    errors=$(awk '/Socket errors:/ { gsub(",", ""); n += $4 + $6 + $8 + $10 }
                  /Non-2xx or 3xx responses:/ { n += $5 } END { print n + 0 }' "$out")
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$database" "$size" "$shown" "$visitor" "$rps" "$p50" "$p99" "$errors" \
        >> "$RESULTS"
}

# Seeds a fresh blog of $2 posts on $1 through the library (bench/SeedBlog.java); prints the post to read.
seed() {
    local out
    out=$(java -cp "$JAR" bench/SeedBlog.java "$1" "$2" "$READER_EMAIL" "$READER_PASSWORD" 2> "$WORK/seed.err") \
        || { tail -n 20 "$WORK/seed.err" >&2; fail "seeding $2 posts failed"; }
    sed -n 's/^post_id=//p' <<< "$out"
}

# The JDBC URL and DATABASE_URL of the blog of $2 posts on database $1; creates the PostgreSQL database.
blog_urls() {
    local database=$1 size=$2
    if [ "$database" = sqlite ]; then
        JDBC="jdbc:sqlite:$WORK/blog-$size.db"
        DB_URL="sqlite:///$WORK/blog-$size.db"
    else
        local name="cleanblog_bench_pages_${size}_$$"
        PG_DATABASES+=("$name")
        psql -q -h 127.0.0.1 -U postgres -d postgres -c "DROP DATABASE IF EXISTS $name" -c "CREATE DATABASE $name"
        JDBC="jdbc:postgresql://127.0.0.1:5432/$name?user=postgres"
        DB_URL="postgres://postgres@127.0.0.1:5432/$name"
    fi
}

# One database: a blog and a server per size, all up at once; each page is warmed up on every size, then measured on
# every size back to back, so that the sizes are compared seconds apart, not minutes (the machine's speed drifts).
run_database() {
    local database=$1 size shown visitor
    declare -gA PORTS=() COOKIES=() POST=() URLS=() LOGS=()
    for size in $SIZES; do
        blog_urls "$database" "$size"
        echo "bench: seeding $size posts on $database" >&2
        POST[$size]=$(seed "$JDBC" "$size")
        URLS[$size]=$DB_URL
        # As a blog that has been running is: vacuumed and analysed, so that autovacuum does not start on the new
        # rows while a page is measured.
        if [ "$database" = postgresql ]; then
            psql -q -h 127.0.0.1 -U postgres -d "${PG_DATABASES[-1]}" -c "VACUUM ANALYZE"
        fi
    done
    for size in $SIZES; do
        start_server "${URLS[$size]}"
        SERVERS+=("$SERVER_PID")
        PORTS[$size]=$PORT
        LOGS[$size]=$SERVER_LOG
        log_in
        COOKIES[$size]=$COOKIE
        SERVER_PID=""
    done
    # Every page the run measures, anonymous and logged in, mixed, on each server: code that the JIT compiled for one
    # visitor's requests only is deoptimised at the other's first request and runs slowly for seconds until it is
    # compiled again: without this, the first logged-in page after the anonymous ones (/ on PostgreSQL) measured 1,215
    # and 5,403 req/s in two quick runs of five, 13,670-18,394 in the other three (bench/README.md, step 4).
    for size in $SIZES; do
        mixed_warm_up "$database" "$size"
    done
    local pages=()
    for visitor in anonymous "logged in"; do
        [ "$QUICK" = 1 ] && [ "$visitor" != anonymous ] || pages+=("/about|$visitor")
    done
    # The deep page is compared with / of the small blog, so the three are one group: warmed, then measured back to
    # back. Measured minutes after / (as a group of its own), the machine's drift alone could move it by the 1.3×
    # the target allows.
    for visitor in anonymous "logged in"; do
        pages+=("/ /?page=$DEEP_PAGE|$visitor" "/post/{id}|$visitor")
        [ "$QUICK" = 1 ] || pages+=("/feed.xml|$visitor")
    done
    local page targets target_
    for page in "${pages[@]}"; do
        visitor=${page#*|}
        targets=()
        for shown in ${page%%|*}; do
            for size in $SIZES; do
                # The deep page exists only in a blog of more than 4,999 pages.
                [[ "$shown" == *page=* ]] && [ "$size" -le $(( (DEEP_PAGE - 1) * 10 )) ] || targets+=("$size|$shown")
            done
        done
        for target_ in "${targets[@]}"; do
            warm_up "$database" "${target_%%|*}" "${target_#*|}" "$visitor"
        done
        for target_ in "${targets[@]}"; do
            measure "$database" "${target_%%|*}" "${target_#*|}" "$visitor"
        done
    done
    local i=0 rss hwm errors
    for size in $SIZES; do
        SERVER_PID=${SERVERS[$i]}
        rss=$(awk '/^VmRSS:/ { printf "%.0f", $2 / 1024 }' "/proc/$SERVER_PID/status")
        hwm=$(awk '/^VmHWM:/ { printf "%.0f", $2 / 1024 }' "/proc/$SERVER_PID/status")
        errors=$(grep -c -E ' ERROR |OutOfMemoryError' "${LOGS[$size]}" || true)
        printf '%s\t%s\t%s\t%s\t%s\n' "$database" "$size" "$rss" "$hwm" "$errors" >> "$WORK/processes.tsv"
        i=$((i + 1))
    done
    SERVER_PID=""
    stop_servers
    if [ "$database" = sqlite ] && [[ " $SIZES " == *" 100 "* ]]; then
        local runs=()
        for _ in $(seq "$STARTS"); do
            start_server "${URLS[100]}"
            runs+=("$STARTUP_MS")
            stop_server
        done
        STARTUP_RUNS="${runs[*]}"
        STARTUP_MEDIAN=$(printf '%s\n' "${runs[@]}" | sort -n | sed -n "$(( (STARTS + 1) / 2 ))p")
    fi
}

for database in $DATABASES; do
    run_database "$database"
done

commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
git diff --quiet HEAD 2>/dev/null || commit="$commit+changes"
LABEL="${LABEL:-$commit}"
java_version=$(java -version 2>&1)
java_version=${java_version%%$'\n'*}
pg_version=$(psql -tA -h 127.0.0.1 -U postgres -d postgres -c "SHOW server_version")
memory=$(awk '/^MemTotal:/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)

echo
if [ "$QUICK" = 1 ]; then
    kind="quick run"
elif [ "$SIZES $DATABASES" = "100 100000 sqlite postgresql" ]; then
    kind="full run"
else
    kind="partial run: $SIZES posts, $DATABASES"
fi
echo "### Pages: $LABEL ($kind)"
echo
echo "$(date -u +%Y-%m-%dT%H:%MZ), commit $commit; $(nproc) cores, $memory, $java_version, PostgreSQL $pg_version;"
echo "\`java ${JAVA_FLAGS[*]} -jar blog-web/target/blog.jar serve\`; \`wrk ${WRK_FLAGS[*]} -d${DURATION}s --latency\` on the same machine after a"
echo "${WARMUP}-second warm-up of each page and visitor (wrk, same flags); the sizes of one database are served side by side and each"
echo "page is measured on them back to back. Ratios are to anonymous \`/about\` of the same process."
echo
if [ "$QUICK" = 1 ]; then
    echo "| run | database | posts | page | visitor | req/s | vs /about | p50 ms | p99 ms | errors |"
    echo "|---|---|---:|---|---|---:|---:|---:|---:|---:|"
else
    echo "| run | database | posts | page | visitor | req/s | vs /about | p50 ms | p99 ms | p50 vs 100 posts | errors |"
    echo "|---|---|---:|---|---|---:|---:|---:|---:|---:|---:|"
fi
awk -F'\t' -v label="$LABEL" -v quick="$QUICK" -v sizes="$SIZES" '
    { line[NR] = $0; if ($3 == "/about" && $4 == "anonymous") about[$1 SUBSEP $2] = $5
      if ($2 == 100) small[$1 SUBSEP $3 SUBSEP $4] = $6
      if (!($1 in seen)) { seen[$1] = 1; databases[++ndb] = $1 } }
    # The deep page is compared with the first page of the small blog, the only page it has at that size.
    # Rows by database, then size, then in the order measured (the sizes were measured in turns).
    END {
        nsize = split(sizes, size, " ")
        for (d = 1; d <= ndb; d++) for (z = 1; z <= nsize; z++) for (i = 1; i <= NR; i++) {
            split(line[i], f, "\t")
            if (f[1] != databases[d] || f[2] != size[z]) continue
            a = about[f[1] SUBSEP f[2]]
            ratio = a > 0 ? sprintf(100 * f[5] / a < 1 ? "%.1f%%" : "%.0f%%", 100 * f[5] / a) : "—"
            row = sprintf("| %s | %s | %d | `%s` | %s | %d | %s | %s | %s |", label, f[1], f[2], f[3], f[4],
                f[5], ratio, f[6], f[7])
            if (quick != 1) {
                s = small[f[1] SUBSEP (f[3] ~ /page=/ ? "/" : f[3]) SUBSEP f[4]]
                row = row sprintf(" %s |", f[2] != 100 && s > 0 ? sprintf("%.2f×", f[6] / s) : "—")
            }
            print row " " f[8] " |"
        }
    }' "$RESULTS"
echo
echo "| run | database | posts | VmRSS after the run | VmHWM (peak) | errors in the server log |"
echo "|---|---|---:|---:|---:|---:|"
awk -F'\t' -v label="$LABEL" '{ printf "| %s | %s | %d | %s MB | %s MB | %s |\n", label, $1, $2, $3, $4, $5 }' \
    "$WORK/processes.tsv"
echo
if [ -n "${STARTUP_MEDIAN:-}" ]; then
    echo "Start-up, \`java -jar\` to the first 200 of \`/about\` on an existing SQLite blog of 100 posts: median" \
        "**${STARTUP_MEDIAN} ms** of $STARTS (${STARTUP_RUNS// /, } ms)."
else
    echo "Start-up not measured: it is measured on the SQLite blog of 100 posts, which this run did not include."
fi
echo
echo "The whole run took $(( SECONDS / 60 )) min $(( SECONDS % 60 )) s."
