# Shared by the benchmark scripts: sourced, not run.

fail() {
    echo "bench: $*" >&2
    exit 1
}

# Sets NOW_US to the time in microseconds since the epoch, read from bash's own clock: no process is started.
now_us() {
    NOW_US=${EPOCHREALTIME//[!0-9]/}
}

# Waits until http://127.0.0.1:$1/about answers 200, while process $2 runs (the end of its log $3 is shown if it stops),
# for 120 s at most; calls fail otherwise. It polls every 5 ms without starting a process: a round of curl, date and
# sleep costs about 50 ms of CPU, so polling that way took most of a core of a 2-core machine from the JVM whose
# start-up was being timed (bench/README.md, "Waiting for the first 200").
wait_for_first_200() {
    local port=$1 pid=$2 log=$3 pause http status_line deadline
    now_us
    deadline=$((NOW_US + 120000000))
    exec {pause}<> <(:)
    while :; do
        if { exec {http}<>"/dev/tcp/127.0.0.1/$port"; } 2>/dev/null; then
            printf 'GET /about HTTP/1.1\r\nHost: 127.0.0.1:%s\r\nConnection: close\r\n\r\n' "$port" >&"$http"
            status_line=""
            read -r -t 10 -u "$http" status_line || true
            exec {http}>&-
            [[ $status_line == "HTTP/1.1 200 "* ]] && break
        fi
        kill -0 "$pid" 2>/dev/null || { exec {pause}>&-; tail -n 20 "$log" >&2; fail "the server stopped on start-up"; }
        now_us
        [ "$NOW_US" -lt "$deadline" ] || { exec {pause}>&-; fail "no 200 from /about within 120 s"; }
        read -r -t 0.005 -u "$pause" _ || true
    done
    exec {pause}>&-
}
