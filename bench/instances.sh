#!/usr/bin/env bash
# One instance against two: requests/s of / and /post/{id} (anonymous) when the same load is spread over 1 or 2 `serve`
# processes of the shipped jar on one PostgreSQL, and the connections they hold. For docs/scaling.md.
#
# Usage: bench/instances.sh [--warmup SECONDS] [--duration SECONDS] [--instances "1 2"]
# Needs: Java 17, psql, a PostgreSQL on 127.0.0.1:5432 (user postgres, trust auth); installs Debian's wrk.
# Its database, servers and bench/work-instances-<pid> are stopped, dropped and removed on exit.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh

WARMUP=30
DURATION=10
COUNTS="1 2"
while [ $# -gt 0 ]; do
    case "$1" in
        --warmup) WARMUP="${2:?--warmup needs a number of seconds}"; shift ;;
        --duration) DURATION="${2:?--duration needs a number of seconds}"; shift ;;
        --instances) COUNTS="${2:?--instances needs counts such as \"1 2\"}"; shift ;;
        -h | --help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0" >&2; exit 2 ;;
        *) echo "bench: unknown argument '$1'" >&2; exit 2 ;;
    esac
    shift
done
for n in "$WARMUP" "$DURATION" $COUNTS; do
    [[ "$n" =~ ^[1-9][0-9]*$ ]] || { echo "bench: '$n' is not a whole number" >&2; exit 2; }
done

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
CONNECTIONS=32 # wrk connections in all, split between the instances
JAVA_FLAGS=(-Xmx64m -XX:+UseSerialGC)
WORK="$(pwd)/bench/work-instances-$$"
DB="cleanblog_bench_instances_$$"
PIDS=()

stop_servers() {
    local pid
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
    PIDS=()
}

cleanup() {
    stop_servers
    psql -q -h 127.0.0.1 -U postgres -d postgres -c "DROP DATABASE IF EXISTS $DB" >/dev/null 2>&1 || true
    rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

command -v wrk >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null \
    || fail "could not install wrk: apt-get install wrk"
psql -q -h 127.0.0.1 -U postgres -d postgres -c "SELECT 1" >/dev/null || fail "no PostgreSQL on 127.0.0.1:5432"
[ -f blog-web/target/blog.jar ] || ./mvnw -B -q package -DskipTests -pl blog-web -am
mkdir -p "$WORK"
cp blog-web/target/blog.jar "$WORK/blog.jar"
SECRET="bench-$(date +%s%N)-$$-a-secret-long-enough-for-production"
psql -q -h 127.0.0.1 -U postgres -d postgres -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
out=$(java -cp "$WORK/blog.jar" bench/SeedBlog.java "jdbc:postgresql://127.0.0.1:5432/$DB?user=postgres" 100 \
    reader@bench.invalid "bench reader password") || fail "seeding failed"
POST=$(sed -n 's/^post_id=//p' <<< "$out")

# Starts instance number $1 on port 30000+$1; waits for its first 200.
start() {
    local port=$((30000 + $1))
    (cd "$WORK" && exec env DATABASE_URL="postgres://postgres@127.0.0.1:5432/$DB" PORT="$port" BIND_HOST=127.0.0.1 \
        BLOG_ENV=production SECRET_KEY="$SECRET" BLOG_BASE_URL="http://127.0.0.1:$port" \
        java "${JAVA_FLAGS[@]}" -jar blog.jar serve) > "$WORK/server-$1.log" 2>&1 &
    PIDS+=($!)
    wait_for_first_200 "$port" "${PIDS[-1]}" "$WORK/server-$1.log"
}

# wrk on every instance at once, $CONNECTIONS connections in all, for $2 seconds on path $1; prints the summed req/s.
load() {
    local path=$1 seconds=$2 i pids=()
    for i in $(seq "$N"); do
        wrk -t1 -c$((CONNECTIONS / N)) -d"${seconds}s" --timeout 10s "http://127.0.0.1:$((30000 + i))$path" \
            > "$WORK/wrk-$i.out" &
        pids+=($!)
    done
    wait "${pids[@]}"
    cat "$WORK"/wrk-*.out | awk '/^Requests\/sec:/ { sum += $2 } /Non-2xx/ { bad += $5 }
        END { if (bad > 0) printf "%.0f (%d non-2xx)", sum, bad; else printf "%.0f", sum }'
}

echo "| instances | page | req/s, all instances | server connections held (peak) |"
echo "|---:|---|---:|---:|"
for N in $COUNTS; do
    for i in $(seq "$N"); do start "$i"; done
    for path in / "/post/$POST"; do
        load "$path" "$WARMUP" > /dev/null
        peak="$WORK/peak"
        echo 0 > "$peak"
        (while :; do
            c=$(psql -tA -h 127.0.0.1 -U postgres -d postgres \
                -c "SELECT count(*) FROM pg_stat_activity WHERE datname = '$DB'")
            [ "$c" -gt "$(cat "$peak")" ] && echo "$c" > "$peak"
            sleep 0.5
        done) &
        sampler=$!
        rps=$(load "$path" "$DURATION")
        kill "$sampler" 2>/dev/null || true
        wait "$sampler" 2>/dev/null || true
        shown=$([ "$path" = / ] && echo / || echo "/post/{id}")
        echo "| $N | \`$shown\` | $rps | $(cat "$peak") |"
    done
    stop_servers
    rm -f "$WORK"/wrk-*.out
done
echo
echo "$(date -u +%Y-%m-%dT%H:%MZ), commit $(git rev-parse --short HEAD); $(nproc) cores; \`java ${JAVA_FLAGS[*]} -jar" \
    "blog.jar serve\` per instance; wrk -t1 per instance, $CONNECTIONS connections in all, ${WARMUP} s warm-up," \
    "${DURATION} s measured; load average at the start: $LOAD_BEFORE."
