#!/usr/bin/env bash
# Try the shipped jar as a new user would: start it in an empty directory, then walk the tutorial through HTTP the
# way a browser does (cookie jar per user, each form's own csrf_token, the tutorial's form field names).
#
#   scripts/walkthrough.sh [JAR]          JAR defaults to blog-web/target/blog.jar of this repository
#
# Environment: DATABASE_URL (unset: the default SQLite blog.db in the temporary directory; a PostgreSQL database
# must be empty, because the first user to register becomes the admin); WALKTHROUGH_POSTGRES_URL, when DATABASE_URL
# is unset: a PostgreSQL server on which a fresh database is created and dropped at exit (see copy-walkthrough.sh,
# e.g. postgres://postgres@127.0.0.1:5432/postgres); SECRET_KEY (default: a random one),
# WALKTHROUGH_PORT (default: a free port), WALKTHROUGH_START_SECONDS (default 40), WALKTHROUGH_KEEP=1 keeps the
# temporary directory. Prints "ok - ..." or "not ok - ..." per check, then "walkthrough: N passed, M failed".
# Exit status: 0 all passed, 1 a check failed, 2 bad usage or a missing tool.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$ROOT/scripts/lib.sh"

(($# <= 1)) || wt_die "usage: scripts/walkthrough.sh [JAR]"
wt_setup walkthrough "${1:-$ROOT/blog-web/target/blog.jar}"
trap wt_cleanup EXIT
trap 'exit 130' INT TERM
if [[ -n ${DATABASE_URL:-} ]]; then
    WT_DATABASE_URL=$DATABASE_URL
elif [[ -n ${WALKTHROUGH_POSTGRES_URL:-} ]]; then
    wt_postgres_database "$WALKTHROUGH_POSTGRES_URL"
fi

RUN=$(date +%s)-$$
ADMIN_NAME="Ada Admin"
ADMIN_EMAIL="ada.$RUN@example.com"
ADMIN_PASSWORD="correct horse battery staple"
READER_NAME="Rita Reader"
# Mixed case on purpose: the Gravatar is the MD5 of the lower-cased address.
READER_EMAIL="Rita.$RUN@Example.COM"
READER_PASSWORD="reader password 1"
TITLE="Hello from the walkthrough $RUN"
BODY=$'Written in **Markdown**, with a list:\n\n- one\n- two\n\n<script>alert("walkthrough")</script>\n\nThe end.'
COMMENT="What a *fine* first post, $RUN"

wt_start_server "$WT_WORK/blog" "$WT_DATABASE_URL" || wt_bail_out "the jar did not start"

# --- a visitor arrives ------------------------------------------------------------------------------------------------
wt_get anon /
wt_expect_status "GET / answers 200 on an empty blog" 200
wt_check "the empty home page lists no post" "found $(wt_count 'post-preview') post-preview elements" \
    test "$(wt_count 'post-preview')" = 0
wt_get anon /new-post
wt_expect_login_redirect "anonymous GET /new-post redirects to /login"
wt_get anon /messages
wt_expect_login_redirect "anonymous GET /messages redirects to /login"

# --- the first user registers and becomes the admin ------------------------------------------------------------------
wt_register admin "$ADMIN_NAME" "$ADMIN_EMAIL" "$ADMIN_PASSWORD"
wt_get admin /
if [[ $(<"$HTTP_BODY") == *'href="/new-post"'* ]]; then
    wt_ok "the first registered user is the admin (the nav offers New post)"
else
    wt_not_ok "the first registered user is the admin (the nav offers New post)" "GET / as $ADMIN_EMAIL: no New post link"
    wt_bail_out "without an admin nothing else can be tried; is the database empty? (database: $(wt_mask "${WT_DATABASE_URL:-unset}"))"
fi
wt_logout admin
wt_submit admin /login /login "email=$ADMIN_EMAIL" "password=not the password"
wt_expect_status "a wrong password is refused with 400" 400
wt_expect_text "the login page says why" "do not match"
wt_login admin "$ADMIN_EMAIL" "$ADMIN_PASSWORD"
wt_get admin /new-post
wt_expect_status "the admin's GET /new-post answers 200" 200

# --- the admin writes a post ------------------------------------------------------------------------------------------
wt_create_post admin "$TITLE" "A subtitle" "$BODY"
POST=${WT_POST_ID:-0}
wt_get anon "/post/$POST"
wt_expect_status "GET /post/$POST answers 200" 200
wt_expect_text "the post page shows the title" "$TITLE"
wt_expect_text "the Markdown body is rendered (**Markdown** became <strong>)" "<strong>Markdown</strong>" \
    "$(wt_class_markup post-body)"
wt_expect_text "the Markdown list is rendered" "<li>one</li>" "$(wt_class_markup post-body)"
wt_expect_no_text "the <script> tag of the body is stripped" "<script"
wt_get anon /
wt_expect_text "GET / shows the post inside an element of class post-preview" "$TITLE" "$(wt_class_markup post-preview)"
wt_expect_text "the preview links to /post/$POST" "href=\"/post/$POST\"" "$(wt_class_markup post-preview)"

# --- a second user registers and comments -----------------------------------------------------------------------------
wt_register reader "$READER_NAME" "$READER_EMAIL" "$READER_PASSWORD"
wt_get reader /
wt_expect_no_text "the second user is not an admin (no New post in the nav)" 'href="/new-post"'
wt_comment reader "$POST" "$COMMENT"
COMMENT_ID=${WT_COMMENT_ID:-0}
wt_expect_comment_shown "$POST" "$COMMENT_ID" "$READER_NAME" "$READER_EMAIL" "What a <em>fine</em> first post"

# --- what the second user may not do ----------------------------------------------------------------------------------
wt_get reader /new-post
wt_expect_status "the second user's GET /new-post answers 403" 403
wt_get reader "/edit-post/$POST"
wt_expect_status "the second user's GET /edit-post/$POST answers 403" 403
wt_get reader /messages
wt_expect_status "the second user's GET /messages answers 403" 403
wt_get reader "/post/$POST"
TOKEN=$(wt_form_token "/post/$POST")
wt_check "the post page gives the second user a csrf_token in the comment form" "none found" test -n "$TOKEN"
wt_post_fields reader "/delete/$POST" "csrf_token=$TOKEN"
wt_expect_status "the second user's POST /delete/$POST with a valid token answers 403" 403
wt_get anon "/post/$POST"
wt_expect_status "the post is still there after the refused delete" 200

# --- forms without their csrf_token change nothing --------------------------------------------------------------------
wt_post_fields reader "/post/$POST" "comment_text=sent without a token $RUN"
wt_expect_status "POST /post/$POST without csrf_token is refused with 400" 400
wt_get anon "/post/$POST"
wt_expect_no_text "the comment sent without a token was not stored" "sent without a token $RUN"
wt_check "the post still has exactly one comment" "found $(wt_count 'class="comment"')" \
    test "$(wt_count 'class="comment"')" = 1
wt_post_fields admin /new-post "title=Forged $RUN" "subtitle=" "img_url=" "body=forged"
wt_expect_status "POST /new-post without csrf_token is refused with 400" 400
wt_post_fields admin "/delete/$POST"
wt_expect_status "POST /delete/$POST without csrf_token is refused with 400" 400
wt_get anon /
wt_check "the home page still lists exactly the one post" "found $(wt_count 'class="post-preview"') previews" \
    test "$(wt_count 'class="post-preview"')" = 1
wt_expect_no_text "the post sent without a token was not stored" "Forged $RUN"

# --- logging out ends the session -------------------------------------------------------------------------------------
wt_logout reader
wt_get reader /new-post
wt_expect_login_redirect "after logging out, GET /new-post redirects to /login"
wt_get reader "/post/$POST"
wt_expect_no_text "after logging out, the post page offers no comment form" 'name="comment_text"'

# --- the other pages --------------------------------------------------------------------------------------------------
wt_get anon /about
wt_expect_status "GET /about answers 200" 200
wt_get anon /feed.xml
wt_expect_status "GET /feed.xml answers 200" 200
wt_expect_text "/feed.xml is served as Atom" "application/atom+xml" "$(wt_header Content-Type)"
wt_expect_text "/feed.xml is an Atom <feed>" "<feed"
wt_expect_text "/feed.xml lists the post" "$TITLE"
wt_get anon /sitemap.xml
wt_expect_status "GET /sitemap.xml answers 200" 200
wt_expect_text "/sitemap.xml is a sitemap index" "<sitemapindex"
wt_expect_text "/sitemap.xml lists /sitemap/1.xml" "/sitemap/1.xml</loc>"
wt_get anon /sitemap/1.xml
wt_expect_status "GET /sitemap/1.xml answers 200" 200
wt_expect_text "/sitemap/1.xml lists /post/$POST" "/post/$POST</loc>"
wt_submit anon /contact /contact "name=Vera Visitor" "email=vera.$RUN@example.org" "phone=+44 20 7946 0000" \
    "message=Hello, is this thing on? $RUN"
wt_expect_redirect "POST /contact stores the message and redirects to /contact?sent" '/contact\?sent'
wt_get anon "/contact?sent"
wt_expect_text "GET /contact?sent thanks the sender" "your message has been sent"
wt_get admin /messages
wt_expect_status "the admin's GET /messages answers 200" 200
wt_expect_text "the admin sees the message in /messages" "Hello, is this thing on? $RUN" "$(wt_class_markup message)"
wt_expect_text "the message shows its sender's e-mail" "vera.$RUN@example.org" "$(wt_class_markup message)"
wt_get anon /post/abc
wt_expect_status "GET /post/abc answers 404" 404
wt_get anon /post/99999
wt_expect_status "GET /post/99999 answers 404" 404

# --- the admin edits and deletes the post -----------------------------------------------------------------------------
wt_get admin "/edit-post/$POST"
wt_expect_status "the admin's GET /edit-post/$POST answers 200" 200
wt_expect_text "the edit form is filled in with the post's title" "value=\"$TITLE\""
wt_submit admin "/edit-post/$POST" "/edit-post/$POST" "title=$TITLE (edited)" "subtitle=Now edited" "img_url=" \
    "body=An *edited* body."
wt_expect_redirect "POST /edit-post/$POST saves and redirects to the post" "/post/$POST"
wt_get anon "/post/$POST"
wt_expect_text "the post page shows the edited title" "$TITLE (edited)"
wt_expect_text "the post page shows the edited body" "An <em>edited</em> body." "$(wt_class_markup post-body)"
wt_expect_text "the comment survived the edit" "id=\"comment-$COMMENT_ID\""
wt_get admin "/delete/$POST"
wt_expect_status "the post page's delete button leads to GET /delete/$POST, a confirmation page" 200
wt_expect_text "the confirmation page names the post and its comments" "and its 1 comment?"
wt_submit admin "/delete/$POST" "/delete/$POST"
wt_expect_redirect "POST /delete/$POST (the confirmation page's button) redirects home" '/'
wt_get anon "/post/$POST"
wt_expect_status "the deleted post answers 404" 404
wt_get anon /
wt_expect_no_text "the home page no longer lists the deleted post" "$TITLE"

wt_stop_server
wt_summary
