#!/usr/bin/env bash
# Start-up of the blog: from `java -jar` to the first 200 of /about on an existing SQLite blog of 100 posts, with and
# without the class-data sharing archive (ADR 0036), median of N runs each, taken in turns; plus the CPU time spent until
# then and resident memory, at the first 200 and after some traffic. Prints Markdown. bench/README.md explains it.
#
# Usage: bench/startup.sh [--runs N] [--label TEXT] [--java-options "OPTIONS"]
# Needs: Java 17 (and bash 5); installs Debian's wrk for the traffic. Its server and bench/work-startup-<pid> are stopped and
# removed on exit, unless KEEP=1.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh

usage() {
    awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0" >&2
    exit 2
}

RUNS=11
LABEL=""
EXTRA=()
while [ $# -gt 0 ]; do
    case "$1" in
        --runs) RUNS="${2:?--runs needs a number}"; shift ;;
        --label) LABEL="${2:?--label needs a text}"; shift ;;
        --java-options) read -r -a EXTRA <<< "${2:?--java-options needs options}"; shift ;;
        -h | --help) usage ;;
        *) echo "bench: unknown argument '$1'" >&2; usage ;;
    esac
    shift
done
[[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || { echo "bench: --runs needs a whole number, not '$RUNS'" >&2; exit 2; }

# The Procfile's web command, with the heap of issue 11. The archive is named by the same relative path as in the
# Procfile, from a folder laid out like the repository: JDK 17 accepts it only for the jar path it was written for.
JAR=blog-web/target/blog.jar
ARCHIVE=blog-web/target/blog.jsa
BASE_FLAGS=(-Xmx64m -XX:+UseSerialGC "${EXTRA[@]}")
# -Xshare:on instead of the Procfile's default (auto): a run that could not use the archive fails instead of
# silently measuring the start without it.
ARCHIVE_FLAGS=(-Xshare:on "-XX:SharedArchiveFile=$ARCHIVE")
READER_EMAIL="reader@bench.invalid"
READER_PASSWORD="bench reader password"
TICKS=$(getconf CLK_TCK)

WORK="$(pwd)/bench/work-startup-$$"
SERVER_PID=""

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

cleanup() {
    stop_server
    if [ "${KEEP:-0}" = 1 ]; then
        echo "bench: KEEP=1, kept $WORK" >&2
        return
    fi
    rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

command -v java >/dev/null || fail "java is missing (apt-get install openjdk-17-jre-headless)"
if ! command -v wrk >/dev/null; then
    echo "bench: installing wrk (Debian package)" >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null || fail "could not install wrk: apt-get install wrk"
fi
if [ ! -f "$JAR" ] || [ ! -f "$ARCHIVE" ]; then
    echo "bench: building $JAR and $ARCHIVE" >&2
    ./mvnw -B -q package -DskipTests -pl blog-web -am
fi
[ -f "$ARCHIVE" ] || fail "the build wrote no $ARCHIVE (built with -Dcds.skip, or on Windows?)"

# Private copies, so that a build running meanwhile cannot swap them; -p keeps the jar's modification time, which the
# JVM compares with the one recorded in the archive.
mkdir -p "$WORK/blog-web/target"
cp -p "$JAR" "$ARCHIVE" "$WORK/blog-web/target/"
SECRET="bench-$(date +%s%N)-$$-a-secret-long-enough-for-production"
RESULTS="$WORK/results.tsv"
: > "$RESULTS"

free_port() {
    local port
    for port in $(seq $((20000 + $$ % 10000)) 32767); do
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            echo "$port"
            return
        fi
    done
    fail "no free port on 127.0.0.1"
}

load() {
    cut -d' ' -f1-3 /proc/loadavg
}

# Starts the jar with the JVM options given, as the Procfile does, and waits for the first 200 of /about; sets
# SERVER_PID, PORT, STARTUP_MS (java -jar to that 200), CPU_MS (the process's user + system time then) and RSS_MB.
start_server() {
    PORT=$(free_port)
    local started log="$WORK/server-$(date +%s%N).log"
    now_us
    started=$NOW_US
    (cd "$WORK" && exec env DATABASE_URL="sqlite:///$WORK/blog.db" PORT="$PORT" BIND_HOST=127.0.0.1 \
        BLOG_ENV=production SECRET_KEY="$SECRET" BLOG_BASE_URL="http://127.0.0.1:$PORT" \
        java "$@" -jar "$JAR" serve) > "$log" 2>&1 &
    SERVER_PID=$!
    wait_for_first_200 "$PORT" "$SERVER_PID" "$log"
    now_us
    STARTUP_MS=$(( (NOW_US - started) / 1000 ))
    CPU_MS=$(awk -v t="$TICKS" '{ printf "%.0f", ($14 + $15) * 1000 / t }' "/proc/$SERVER_PID/stat")
    RSS_MB=$(awk '/^VmRSS:/ { printf "%.0f", $2 / 1024 }' "/proc/$SERVER_PID/status")
    SERVER_LOG="$log"
}

median() {
    sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'
}

echo "bench: seeding 100 posts on SQLite" >&2
seeded=$(java -cp "$WORK/$JAR" bench/SeedBlog.java "jdbc:sqlite:$WORK/blog.db" 100 "$READER_EMAIL" "$READER_PASSWORD" \
    2> "$WORK/seed.err") || { tail -n 20 "$WORK/seed.err" >&2; fail "seeding failed"; }
POST=$(sed -n 's/^post_id=//p' <<< "$seeded")

LOAD_BEFORE=$(load)
echo "bench: $RUNS starts without and $RUNS with the archive, in turns (load average $LOAD_BEFORE)" >&2
for run in $(seq "$RUNS"); do
    for variant in without with; do
        if [ "$variant" = with ]; then
            start_server "${ARCHIVE_FLAGS[@]}" "${BASE_FLAGS[@]}"
        else
            start_server "${BASE_FLAGS[@]}"
        fi
        printf '%s\t%s\t%s\t%s\n' "$variant" "$STARTUP_MS" "$CPU_MS" "$RSS_MB" >> "$RESULTS"
        stop_server
    done
    echo "bench: run $run of $RUNS done" >&2
done
LOAD_AFTER=$(load)

# Memory after traffic: each page for 5 s with wrk, then the resident set and its peak.
MEMORY="$WORK/memory.tsv"
: > "$MEMORY"
for variant in without with; do
    if [ "$variant" = with ]; then
        start_server "${ARCHIVE_FLAGS[@]}" "${BASE_FLAGS[@]}"
    else
        start_server "${BASE_FLAGS[@]}"
    fi
    rss_start=$RSS_MB
    for path in / "/post/$POST" /about /feed.xml; do
        wrk -t2 -c32 -d5s --timeout 10s "http://127.0.0.1:$PORT$path" > "$WORK/wrk.out"
        grep -q "Non-2xx" "$WORK/wrk.out" && fail "$path answered errors under wrk: $(cat "$WORK/wrk.out")"
    done
    rss=$(awk '/^VmRSS:/ { printf "%.0f", $2 / 1024 }' "/proc/$SERVER_PID/status")
    hwm=$(awk '/^VmHWM:/ { printf "%.0f", $2 / 1024 }' "/proc/$SERVER_PID/status")
    errors=$(grep -c -E ' ERROR |OutOfMemoryError' "$SERVER_LOG" || true)
    printf '%s\t%s\t%s\t%s\t%s\n' "$variant" "$rss_start" "$rss" "$hwm" "$errors" >> "$MEMORY"
    stop_server
done

commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
git diff --quiet HEAD 2>/dev/null || commit="$commit+changes"
LABEL="${LABEL:-$commit}"
java_version=$(java -version 2>&1)
java_version=${java_version%%$'\n'*}
memory=$(awk '/^MemTotal:/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)

echo
echo "### Start-up: $LABEL"
echo
echo "$(date -u +%Y-%m-%dT%H:%MZ), commit $commit; $(nproc) cores, $memory, $java_version; load average (1, 5, 15 min)"
echo "$LOAD_BEFORE before the starts and $LOAD_AFTER after them. \`java ${BASE_FLAGS[*]} [-Xshare:on"
echo "-XX:SharedArchiveFile=$ARCHIVE] -jar $JAR serve\` on an existing SQLite blog of 100 posts; time from \`java\` to the"
echo "first 200 of \`/about\`, $RUNS starts of each, taken in turns; CPU is the process's user + system time at that moment."
echo
echo "| run | archive | median ms | min–max ms | median CPU ms | median RSS at first 200 |"
echo "|---|---|---:|---:|---:|---:|"
for variant in without with; do
    ms=$(awk -F'\t' -v v="$variant" '$1 == v { print $2 }' "$RESULTS")
    cpu=$(awk -F'\t' -v v="$variant" '$1 == v { print $3 }' "$RESULTS")
    rss=$(awk -F'\t' -v v="$variant" '$1 == v { print $4 }' "$RESULTS")
    printf '| %s | %s | **%s** | %s–%s | %s | %s MB |\n' "$LABEL" "$variant" "$(median <<< "$ms")" \
        "$(sort -n <<< "$ms" | head -n 1)" "$(sort -n <<< "$ms" | tail -n 1)" "$(median <<< "$cpu")" "$(median <<< "$rss")"
done
echo
echo "Every start, in order (ms): without $(awk -F'\t' '$1 == "without" { printf "%s%s", s, $2; s = ", " }' "$RESULTS");"
echo "with $(awk -F'\t' '$1 == "with" { printf "%s%s", s, $2; s = ", " }' "$RESULTS")."
echo
echo "| run | archive | VmRSS at first 200 | VmRSS after traffic | VmHWM (peak) | errors in the server log |"
echo "|---|---|---:|---:|---:|---:|"
awk -F'\t' -v label="$LABEL" '{ printf "| %s | %s | %s MB | %s MB | %s MB | %s |\n", label, $1, $2, $3, $4, $5 }' "$MEMORY"
echo
echo "Traffic: \`wrk -t2 -c32 -d5s\` on \`/\`, \`/post/{id}\`, \`/about\` and \`/feed.xml\`, one after the other."
echo
echo "The whole run took $(( SECONDS / 60 )) min $(( SECONDS % 60 )) s."
