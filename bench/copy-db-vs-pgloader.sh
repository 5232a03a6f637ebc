#!/usr/bin/env bash
# Benchmark (issue 11, point 4): the Flask tutorial's blog.db with 20 users, 10,000 posts and 1,000,000 comments, copied
# into a fresh PostgreSQL database by copy-db (java -Xmx64m; it migrates the empty database itself, verification
# included) and by pgloader in its plain mode (it creates the tables itself from the SQLite file:
# `pgloader sqlite:///…/blog.db postgresql://…`), same file, same run. Prints wall clock, rows/s and peak RSS of both;
# docs/performance.md has the figures measured so far.
# Usage: bench/copy-db-vs-pgloader.sh [COMMENTS]   (default 1000000; posts = comments / 100, 20 users)
# Needs: Java 17, sqlite3, psql, /usr/bin/time, a PostgreSQL on 127.0.0.1:5432 (user postgres, trust auth); installs
# pgloader (Debian package) if missing, builds blog-web/target/blog.jar (mvnw package) if missing.
# Its two databases and bench/work-<pid> are dropped and removed on exit, unless KEEP=1 (to look at them afterwards).
set -euo pipefail
cd "$(dirname "$0")/.."

COMMENTS="${1:-1000000}"
POSTS=$(( COMMENTS / 100 > 0 ? COMMENTS / 100 : 1 ))
USERS=20
PG="postgres://postgres@127.0.0.1:5432"
# Named by the PID, so that two runs cannot drop each other's databases.
WORK="$(pwd)/bench/work-$$"
COPYDB_DB=cleanblog_bench_copydb_$$
PGLOADER_DB=cleanblog_bench_pgloader_$$

cleanup() {
    if [ "${KEEP:-0}" = 1 ]; then
        echo "bench: KEEP=1, kept $WORK and the databases $COPYDB_DB, $PGLOADER_DB" >&2
        return
    fi
    psql -q -h 127.0.0.1 -U postgres -d postgres -c "DROP DATABASE IF EXISTS $COPYDB_DB" \
        -c "DROP DATABASE IF EXISTS $PGLOADER_DB" >/dev/null 2>&1 || true
    rm -rf "$WORK"
}
trap cleanup EXIT

for tool in sqlite3 psql bc /usr/bin/time; do
    command -v "$tool" >/dev/null || { echo "bench: $tool is missing (apt-get install sqlite3 postgresql-client)" >&2; exit 2; }
done
if ! command -v pgloader >/dev/null; then
    echo "bench: installing pgloader (Debian package)"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq pgloader >/dev/null
fi

rm -rf "$WORK" && mkdir -p "$WORK"
if [ ! -f blog-web/target/blog.jar ]; then
    ./mvnw -B -q package -pl blog-web -am -DskipTests
fi
# A private copy, so that a build running meanwhile cannot swap the jar under the benchmark.
cp blog-web/target/blog.jar "$WORK/blog.jar"
JAR="$WORK/blog.jar"

echo "bench: generating $WORK/blog.db (the Flask tutorial's schema) with $USERS users, $POSTS posts, $COMMENTS comments"
# The tutorial's own DDL (Flask-SQLAlchemy), the file the copy tests use; rows shaped as its app stores them:
# "Month d, yyyy" dates, CKEditor HTML, Werkzeug password hashes.
sqlite3 "$WORK/blog.db" < blog-persistence/src/test/resources/copy/schema.sql
sqlite3 "$WORK/blog.db" <<SQL
BEGIN;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $USERS)
INSERT INTO users (id, email, password, name)
SELECT i, 'user' || i || '@example.org',
       'pbkdf2:sha256:260000\$' || printf('%08d', i) || '\$' || printf('%064d', i), 'User ' || i
FROM n;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $POSTS)
INSERT INTO blog_posts (id, author_id, title, subtitle, date, body, img_url)
SELECT i, 1 + i % $USERS, 'Post number ' || i, 'A subtitle for post ' || i,
       CASE i % 3 WHEN 0 THEN 'August 31, 2019' WHEN 1 THEN 'January 2, 2020' ELSE 'December 24, 2021' END,
       '<p>Some <strong>CKEditor</strong> text for post ' || i || '.</p><p>' || printf('%.400c', 'x') || '</p>',
       'https://images.example.org/' || i || '.jpg'
FROM n;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $COMMENTS)
INSERT INTO comments (id, post_id, author_id, text)
SELECT i, 1 + i % $POSTS, 1 + i % $USERS,
       '<p>Comment ' || i || ' with a tab	and a \\ backslash, é ✓ and <em>some</em> more words.</p>'
FROM n;
COMMIT;
SQL

ROWS=$(( USERS + POSTS + COMMENTS ))

fresh_database() {
    psql -q -h 127.0.0.1 -U postgres -d postgres -c "DROP DATABASE IF EXISTS $1" -c "CREATE DATABASE $1"
}

# Runs a command under /usr/bin/time -v; sets SECONDS_TAKEN, PEAK_KIB and CPU_SECONDS (user + system). Output goes to $WORK/<name>.out/.time.
timed() {
    local name=$1
    shift
    local start
    start=$(date +%s.%N)
    /usr/bin/time -v -o "$WORK/$name.time" "$@" > "$WORK/$name.out" 2>&1 || { cat "$WORK/$name.out"; exit 1; }
    SECONDS_TAKEN=$(echo "$(date +%s.%N) - $start" | bc)
    PEAK_KIB=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$WORK/$name.time")
    CPU_SECONDS=$(awk -F': ' '/User time|System time/ {s += $2} END {print s}' "$WORK/$name.time")
}

echo "bench: copy-db (java -Xmx64m; migrates the empty database itself, verifies) into $COPYDB_DB"
fresh_database "$COPYDB_DB"
timed copy-db java -Xmx64m -jar "$JAR" copy-db --from "sqlite:///$WORK/blog.db" --to "$PG/$COPYDB_DB"
COPYDB_SECONDS=$SECONDS_TAKEN COPYDB_KIB=$PEAK_KIB COPYDB_CPU=$CPU_SECONDS
cat "$WORK/copy-db.out"

echo "bench: pgloader in its plain mode (creates the tables itself) into $PGLOADER_DB"
fresh_database "$PGLOADER_DB"
timed pgloader pgloader "sqlite://$WORK/blog.db" "postgresql://postgres@127.0.0.1:5432/$PGLOADER_DB"
PGLOADER_SECONDS=$SECONDS_TAKEN PGLOADER_KIB=$PEAK_KIB PGLOADER_CPU=$CPU_SECONDS
tail -n 12 "$WORK/pgloader.out"

pg_count=$(psql -tA -h 127.0.0.1 -U postgres -d "$PGLOADER_DB" -c "SELECT count(*) FROM comments")
cd_count=$(psql -tA -h 127.0.0.1 -U postgres -d "$COPYDB_DB" -c "SELECT count(*) FROM comments")
echo
echo "bench: $USERS users, $POSTS posts, $COMMENTS comments ($ROWS rows), $(du -m "$WORK/blog.db" | cut -f1) MiB, load $(cut -d' ' -f1-3 /proc/loadavg), commit $(git rev-parse --short HEAD 2>/dev/null || echo ?)"
# CPU: the tool's own process (user + system), not the PostgreSQL server's work.
printf '%-9s %8s %10s %14s %8s %10s\n' tool seconds rows/s "peak RSS MiB" "CPU s" comments
printf '%-9s %8.1f %10.0f %14.0f %8.1f %10s\n' copy-db "$COPYDB_SECONDS" "$(echo "$ROWS / $COPYDB_SECONDS" | bc -l)" \
    "$(echo "$COPYDB_KIB / 1024" | bc -l)" "$COPYDB_CPU" "$cd_count"
printf '%-9s %8.1f %10.0f %14.0f %8.1f %10s\n' pgloader "$PGLOADER_SECONDS" "$(echo "$ROWS / $PGLOADER_SECONDS" | bc -l)" \
    "$(echo "$PGLOADER_KIB / 1024" | bc -l)" "$PGLOADER_CPU" "$pg_count"
