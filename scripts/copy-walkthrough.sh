#!/usr/bin/env bash
# The move the tutorial leaves out, tried as a user would: write a blog on SQLite with the jar, stop it, copy it with
# `java -jar blog.jar copy-db` into PostgreSQL, start the jar on PostgreSQL and check that everything is there and that
# the blog goes on (a new comment, a new post, a new user get fresh ids).
#
#   scripts/copy-walkthrough.sh [POSTGRES_URL] [JAR]
#
# POSTGRES_URL (or WALKTHROUGH_POSTGRES_URL): postgres://USER[:PASS]@HOST[:PORT][/DB]. On a local server (127.0.0.1,
# localhost, ::1) the script creates a fresh database there with psql (connecting to DB, default postgres) and drops
# it at exit; on any other host DB itself is the target and must be empty. JAR defaults to blog-web/target/blog.jar.
# Other environment: as scripts/walkthrough.sh (SECRET_KEY, WALKTHROUGH_START_SECONDS, WALKTHROUGH_KEEP=1).
# Prints one line per check, then "copy-walkthrough: N passed, M failed". Exit status: 0 all passed, 1 a check
# failed, 2 bad usage or a missing tool.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$ROOT/scripts/lib.sh"

(($# <= 2)) || wt_die "usage: scripts/copy-walkthrough.sh [POSTGRES_URL] [JAR]"
POSTGRES_URL=${1:-${WALKTHROUGH_POSTGRES_URL:-}}
[[ -n $POSTGRES_URL ]] || wt_die "no PostgreSQL given: pass postgres://USER@HOST:PORT/DB as the first argument \
or set WALKTHROUGH_POSTGRES_URL (for this machine's server: postgres://postgres@127.0.0.1:5432/postgres)"

wt_setup copy-walkthrough "${2:-$ROOT/blog-web/target/blog.jar}"
trap wt_cleanup EXIT
trap 'exit 130' INT TERM
wt_postgres_database "$POSTGRES_URL"
TARGET_URL=$WT_DATABASE_URL

RUN=$(date +%s)-$$
ADMIN_NAME="Ada Admin"
ADMIN_EMAIL="ada.$RUN@example.com"
ADMIN_PASSWORD="correct horse battery staple"
READER_NAME="Rita Reader"
READER_EMAIL="Rita.$RUN@Example.COM"
READER_PASSWORD="reader password 1"
TITLE="Written on SQLite $RUN"
MESSAGE="Sent before the move $RUN"

# --- a blog on SQLite -------------------------------------------------------------------------------------------------
SQLITE_DIR="$WT_WORK/sqlite"
wt_start_server "$SQLITE_DIR" "" || wt_bail_out "the jar did not start on SQLite"
wt_register admin "$ADMIN_NAME" "$ADMIN_EMAIL" "$ADMIN_PASSWORD"
wt_create_post admin "$TITLE" "Before the move" $'A **bold** start.\n\n<script>alert(1)</script>'
POST=${WT_POST_ID:-0}
wt_register reader "$READER_NAME" "$READER_EMAIL" "$READER_PASSWORD"
wt_comment reader "$POST" "First comment, on *SQLite*"
COMMENT=${WT_COMMENT_ID:-0}
wt_expect_comment_shown "$POST" "$COMMENT" "$READER_NAME" "$READER_EMAIL" "First comment, on <em>SQLite</em>"
wt_submit anon /contact /contact "name=Vera Visitor" "email=vera.$RUN@example.org" "phone=" "message=$MESSAGE"
wt_expect_redirect "a visitor sends a contact message" '/contact\?sent'
wt_stop_server
wt_check "the SQLite blog is a file, blog.db, in the directory the jar ran in" "no $SQLITE_DIR/blog.db" \
    test -s "$SQLITE_DIR/blog.db"

# --- copy-db ----------------------------------------------------------------------------------------------------------
wt_env ""
COPY_LOG="$WT_WORK/copy-db.log"
COPY_STATUS=0
(cd "$SQLITE_DIR" && exec "${WT_ENV[@]}" java -jar "$WT_JAR" copy-db --from "sqlite:///$SQLITE_DIR/blog.db" \
    --to "$TARGET_URL") >"$COPY_LOG" 2>&1 || COPY_STATUS=$?
sed 's/^/#   /' "$COPY_LOG"
wt_check "java -jar blog.jar copy-db --from sqlite:///…/blog.db --to postgres://… exits 0" \
    "exit status $COPY_STATUS (output above)" test "$COPY_STATUS" = 0
for table in users posts comments contact_messages; do
    wt_check "copy-db verified table $table" "no line '$table … ok' in its report" \
        grep -Eq "^${table}[[:space:]].*[[:space:]]ok$" "$COPY_LOG"
done

# --- the same blog on PostgreSQL --------------------------------------------------------------------------------------
PG_DIR="$WT_WORK/postgres"
wt_start_server "$PG_DIR" "$TARGET_URL" || wt_bail_out "the jar did not start on PostgreSQL"
wt_get anon /
wt_expect_text "GET / on PostgreSQL lists the copied post in a post-preview" "$TITLE" "$(wt_class_markup post-preview)"
wt_get anon "/post/$POST"
wt_expect_status "GET /post/$POST on PostgreSQL answers 200 (ids kept)" 200
wt_expect_text "the copied post keeps its rendered body" "A <strong>bold</strong> start." \
    "$(wt_class_markup post-body)"
wt_expect_no_text "the copied post has no <script>" "<script"
wt_expect_comment_shown "$POST" "$COMMENT" "$READER_NAME" "$READER_EMAIL" "First comment, on <em>SQLite</em>"
wt_get admin /new-post
wt_expect_status "a session from before the move still works (same SECRET_KEY, same user ids)" 200

wt_login reader-pg "$READER_EMAIL" "$READER_PASSWORD"
wt_comment reader-pg "$POST" "Second comment, on *PostgreSQL*"
wt_check "the new comment gets a new id (the identity moved past the copied ids)" \
    "comment id '${WT_COMMENT_ID}' after copied comment $COMMENT" test "${WT_COMMENT_ID:-0}" -gt "$COMMENT"
wt_expect_comment_shown "$POST" "${WT_COMMENT_ID:-0}" "$READER_NAME" "$READER_EMAIL" \
    "Second comment, on <em>PostgreSQL</em>"
wt_check "the post page shows both comments" "found $(wt_count 'class="comment"')" \
    test "$(wt_count 'class="comment"')" = 2

wt_login admin-pg "$ADMIN_EMAIL" "$ADMIN_PASSWORD"
wt_get admin-pg /messages
wt_expect_text "the admin sees the copied contact message" "$MESSAGE" "$(wt_class_markup message)"
wt_create_post admin-pg "Written on PostgreSQL $RUN" "After the move" "Still *here*."
wt_check "the new post gets a new id" "post id '${WT_POST_ID}' after copied post $POST" \
    test "${WT_POST_ID:-0}" -gt "$POST"
wt_get anon /
wt_check "the home page lists both posts" "found $(wt_count 'class="post-preview"') previews" \
    test "$(wt_count 'class="post-preview"')" = 2
wt_register newcomer "Nia Newcomer" "nia.$RUN@example.com" "newcomer password"
wt_check "the jar on PostgreSQL wrote no SQLite file" "found $PG_DIR/blog.db" test ! -e "$PG_DIR/blog.db"

wt_stop_server
wt_summary
