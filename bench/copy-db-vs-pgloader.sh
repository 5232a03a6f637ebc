#!/usr/bin/env bash
# Benchmark: a SQLite blog with 1,000,000 comments copied to a fresh PostgreSQL database, by copy-db (under -Xmx64m)
# and by pgloader (data only, into the same migrated schema). Prints both wall-clock times; docs/performance.md has
# the figures measured so far. Usage: bench/copy-db-vs-pgloader.sh [COMMENTS]   (default 1000000)
# Needs: Java 17, sqlite3, psql, a PostgreSQL on 127.0.0.1:5432 (user postgres, trust auth); installs pgloader.
# Its two databases and bench/work-<pid> are dropped and removed on exit, unless KEEP=1 (to look at them afterwards).
set -euo pipefail
cd "$(dirname "$0")/.."

COMMENTS="${1:-1000000}"
POSTS=$(( COMMENTS / 100 > 0 ? COMMENTS / 100 : 1 ))
USERS=100
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

for tool in sqlite3 psql; do
    command -v "$tool" >/dev/null || { echo "bench: $tool is missing (apt-get install sqlite3 postgresql-client)" >&2; exit 2; }
done
if ! command -v pgloader >/dev/null; then
    echo "bench: installing pgloader (Debian package)"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq pgloader >/dev/null
fi

rm -rf "$WORK" && mkdir -p "$WORK"
if [ ! -f blog-web/target/blog.jar ]; then
    ./mvnw -B -q install -DskipTests
fi
# A private copy, so that a build running meanwhile cannot swap the jar under the benchmark.
cp blog-web/target/blog.jar "$WORK/blog.jar"
JAR="$WORK/blog.jar"

echo "bench: generating $WORK/blog.db with $USERS users, $POSTS posts, $COMMENTS comments"
DATABASE_URL="sqlite:///$WORK/blog.db" java -jar "$JAR" migrate >/dev/null 2>&1
sqlite3 "$WORK/blog.db" <<SQL
PRAGMA journal_mode = WAL;
BEGIN;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $USERS)
INSERT INTO users (id, email, email_normalized, name, password_hash, is_admin, created_at, sessions_valid_from)
SELECT i, 'User' || i || '@Example.org', 'user' || i || '@example.org', 'User ' || i,
       'pbkdf2:sha256:600000\$benchsalt\$' || printf('%064d', i), i = 1,
       strftime('%Y-%m-%dT%H:%M:%S', 1600000000 + i * 60, 'unixepoch') || '.000000Z',
       strftime('%Y-%m-%dT%H:%M:%S', 1600000000 + i * 60, 'unixepoch') || '.000000Z'
FROM n;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $POSTS)
INSERT INTO posts (id, author_id, title, subtitle, img_url, body, body_html, created_at, updated_at)
SELECT i, 1 + i % $USERS, 'Post number ' || i, 'A subtitle for post ' || i, 'https://images.example.org/' || i || '.jpg',
       'Some *Markdown* for post ' || i || char(10) || printf('%.400c', 'x'),
       '<p>Some <em>Markdown</em> for post ' || i || '</p><p>' || printf('%.400c', 'x') || '</p>',
       strftime('%Y-%m-%dT%H:%M:%S', 1610000000 + i * 600, 'unixepoch') || '.123456Z',
       strftime('%Y-%m-%dT%H:%M:%S', 1610000000 + i * 600, 'unixepoch') || '.123456Z'
FROM n;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $COMMENTS)
INSERT INTO comments (id, post_id, author_id, body, body_html, created_at)
SELECT i, 1 + i % $POSTS, 1 + i % $USERS, 'Comment ' || i || ' with a tab	and a \\ backslash, é ✓',
       '<p>Comment ' || i || ' with a tab	and a \\ backslash, é ✓</p>',
       strftime('%Y-%m-%dT%H:%M:%S', 1620000000 + i, 'unixepoch') || '.654321Z'
FROM n;
COMMIT;
SQL
ls -l "$WORK/blog.db"

fresh_database() {
    psql -q -h 127.0.0.1 -U postgres -d postgres -c "DROP DATABASE IF EXISTS $1" -c "CREATE DATABASE $1"
}

seconds_since() {
    echo "$(date +%s.%N) - $1" | bc
}

echo "bench: copy-db (java -Xmx64m) into a fresh database $COPYDB_DB"
fresh_database "$COPYDB_DB"
start=$(date +%s.%N)
/usr/bin/time -f "copy-db peak RSS: %M KiB" java -Xmx64m -jar "$JAR" copy-db --from "sqlite:///$WORK/blog.db" \
    --to "$PG/$COPYDB_DB" > "$WORK/copy-db.out" 2> "$WORK/copy-db.err"
COPYDB_SECONDS=$(seconds_since "$start")
cat "$WORK/copy-db.out"
grep "peak RSS" "$WORK/copy-db.err"

echo "bench: pgloader (data only, into the same schema migrated by 'blog.jar migrate') into $PGLOADER_DB"
fresh_database "$PGLOADER_DB"
DATABASE_URL="$PG/$PGLOADER_DB" java -jar "$JAR" migrate >/dev/null 2>&1
cat > "$WORK/pgloader.load" <<LOAD
LOAD DATABASE
    FROM sqlite://$WORK/blog.db
    INTO postgresql://postgres@127.0.0.1:5432/$PGLOADER_DB
    WITH data only, disable triggers, reset sequences
    INCLUDING ONLY TABLE NAMES LIKE 'users', 'posts', 'comments', 'contact_messages';
LOAD
start=$(date +%s.%N)
pgloader --quiet "$WORK/pgloader.load" > "$WORK/pgloader.out" 2>&1 || { cat "$WORK/pgloader.out"; exit 1; }
PGLOADER_SECONDS=$(seconds_since "$start")
tail -n 12 "$WORK/pgloader.out"
pg_count=$(psql -tA -h 127.0.0.1 -U postgres -d "$PGLOADER_DB" -c "SELECT count(*) FROM comments")
cd_count=$(psql -tA -h 127.0.0.1 -U postgres -d "$COPYDB_DB" -c "SELECT count(*) FROM comments")

echo
printf 'comments: %s   copy-db: %.1f s (%s rows, checksummed)   pgloader: %.1f s (%s rows)\n' \
    "$COMMENTS" "$COPYDB_SECONDS" "$cd_count" "$PGLOADER_SECONDS" "$pg_count"
