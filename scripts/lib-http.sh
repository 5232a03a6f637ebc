# shellcheck shell=bash
# HTTP as a browser speaks it, the checks on the last answer and the steps of the tutorial, for walkthrough.sh and
# copy-walkthrough.sh. Sourced by lib.sh, not on its own: it reports through wt_ok and wt_not_ok and talks to the
# server that wt_start_server started (WT_BASE), keeping its files in the run's WT_WORK.

# What the last request answered.
HTTP_STATUS=""
HTTP_LOCATION=""      # Location header, as a path when it points at the server under test
HTTP_BODY=""          # file with the body
HTTP_HEADERS=""       # file with the headers
WT_LAST_REQUEST=""    # "METHOD PATH", for failure messages
WT_POST_ID=""         # set by wt_create_post, for the scripts that source this file
WT_COMMENT_ID=""      # set by wt_comment

# ---------------------------------------------------------------------------------------------------------------------
# HTTP as a browser speaks it

# wt_request USER METHOD PATH [CURL_ARGS...]: one request with USER's cookie jar (any name; "anon" is as good as any),
# redirects not followed. Sets HTTP_STATUS ("000" when nothing answered), HTTP_LOCATION, HTTP_BODY, HTTP_HEADERS.
wt_request() {
    local user=$1 method=$2 path=$3
    shift 3
    local jar="$WT_WORK/cookies-$user.txt"
    [[ -f $jar ]] || : >"$jar"
    HTTP_BODY="$WT_WORK/last-body.html"
    HTTP_HEADERS="$WT_WORK/last-headers.txt"
    WT_LAST_REQUEST="$method $path"
    : >"$HTTP_BODY"
    : >"$HTTP_HEADERS"
    HTTP_STATUS=$(curl -s --max-time 20 -X "$method" -b "$jar" -c "$jar" -o "$HTTP_BODY" -D "$HTTP_HEADERS" \
        -w '%{http_code}' "$@" "$WT_BASE$path" 2>/dev/null) || true
    HTTP_STATUS=${HTTP_STATUS:-000}
    HTTP_LOCATION=$(sed -n 's/^[Ll]ocation:[[:space:]]*//p' "$HTTP_HEADERS" | tr -d '\r' | tail -n 1)
    HTTP_LOCATION=${HTTP_LOCATION#"$WT_BASE"}
}

# wt_get USER PATH
wt_get() {
    wt_request "$1" GET "$2"
}

# wt_post_fields USER PATH FIELD=VALUE...: a form POST (application/x-www-form-urlencoded), exactly these fields.
wt_post_fields() {
    local user=$1 path=$2 field
    shift 2
    local -a data=(--data '')
    if (($# > 0)); then
        data=()
        for field in "$@"; do data+=(--data-urlencode "$field"); done
    fi
    wt_request "$user" POST "$path" "${data[@]}"
}

# wt_flat: the last body with one tag per line (tags, not lines, are what the page's structure is made of).
wt_flat() {
    tr '\r\n' '  ' <"$HTTP_BODY" | sed 's/</\n</g'
}

# wt_form_token ACTION: the csrf_token of the form whose action is ACTION (a fragment after it is allowed) in the
# last page; empty when there is no such form or it has no token.
wt_form_token() {
    wt_flat | awk -v action="$1" '
        /^<form[[:space:]>]/ { inside = index($0, "action=\"" action "\"") || index($0, "action=\"" action "#"); next }
        /^<\/form/ { inside = 0 }
        inside && /name="csrf_token"/ && match($0, /value="[^"]*"/) { print substr($0, RSTART + 7, RLENGTH - 8); exit }'
}

# wt_submit USER PAGE ACTION FIELD=VALUE...: what a browser does: GET PAGE, fill in the form that posts to ACTION
# (its csrf_token included) and send it. When PAGE has no such form, HTTP_STATUS says so instead of a status.
wt_submit() {
    local user=$1 page=$2 action=$3 token
    shift 3
    wt_get "$user" "$page"
    token=$(wt_form_token "$action")
    if [[ -z $token ]]; then
        WT_LAST_REQUEST="GET $page"
        HTTP_STATUS="no form posting to $action with a csrf_token on GET $page (status $HTTP_STATUS)"
        HTTP_LOCATION=""
        return 0
    fi
    wt_post_fields "$user" "$action" "csrf_token=$token" "$@"
}

# wt_class_markup CLASS: the markup of every element of the last page whose class list holds CLASS, with HTML's
# &amp; decoded (so URLs read as typed): one element a line, its own line breaks as spaces.
wt_class_markup() {
    wt_flat | awk -v cls="$1" '
        depth == 0 && match($0, /^<[a-zA-Z][a-zA-Z0-9]*/) {
            tag = substr($0, 2, RLENGTH - 1)
            if (match($0, /class="[^"]*"/) && index(" " substr($0, RSTART + 7, RLENGTH - 8) " ", " " cls " ")) {
                depth = 1; printf "%s", $0; next
            }
        }
        depth > 0 {
            printf "%s", $0
            if ($0 ~ "^<" tag "[[:space:]>]") depth++
            else if ($0 ~ "^</" tag "[[:space:]>]" && --depth == 0) print ""
        }' | sed 's/&amp;/\&/g'
}

# wt_count TEXT: how often TEXT (taken literally) occurs in the last body.
wt_count() {
    awk -v text="$1" '{ line = $0; while ((i = index(line, text)) > 0) { n++; line = substr(line, i + length(text)) } }
        END { print n + 0 }' "$HTTP_BODY"
}

# wt_header NAME: the value of header NAME of the last answer.
wt_header() {
    awk -v name="$(printf '%s' "$1" | tr '[:upper:]' '[:lower:]')" '
        { split($0, kv, ":"); if (tolower(kv[1]) == name) { sub(/^[^:]*:[[:space:]]*/, ""); sub(/\r$/, ""); print; exit } }' \
        "$HTTP_HEADERS"
}

# wt_gravatar EMAIL: the Gravatar URL the blog shows for EMAIL (MD5 of the trimmed, lower-cased address).
wt_gravatar() {
    local email
    email=$(printf '%s' "$1" | sed 's/^[[:space:]]*//; s/[[:space:]]*$//' | tr '[:upper:]' '[:lower:]')
    printf 'https://www.gravatar.com/avatar/%s?s=100&d=retro&r=g\n' "$(printf '%s' "$email" | md5sum | cut -d' ' -f1)"
}

# ---------------------------------------------------------------------------------------------------------------------
# Checks on the last answer

# wt_expect_status DESCRIPTION STATUS_REGEX
wt_expect_status() {
    if [[ $HTTP_STATUS =~ ^($2)$ ]]; then
        wt_ok "$1"
    else
        wt_not_ok "$1" "$WT_LAST_REQUEST: expected status $2, got $HTTP_STATUS"
    fi
}

# wt_expect_redirect DESCRIPTION LOCATION_REGEX: a 303 (or any 3xx) to a location that matches.
wt_expect_redirect() {
    if [[ $HTTP_STATUS =~ ^30[12378]$ && $HTTP_LOCATION =~ ^($2)$ ]]; then
        wt_ok "$1"
    else
        wt_not_ok "$1" "$WT_LAST_REQUEST: expected a redirect to $2, got status $HTTP_STATUS location '${HTTP_LOCATION}'"
    fi
}

# wt_expect_login_redirect DESCRIPTION: sent to the login page, as an anonymous visitor is.
wt_expect_login_redirect() {
    wt_expect_redirect "$1" '/login(\?.*)?'
}

# wt_expect_text DESCRIPTION TEXT [HAYSTACK]: TEXT occurs in HAYSTACK (default: the last body).
wt_expect_text() {
    local haystack=${3-$(<"$HTTP_BODY")}
    if [[ $haystack == *"$2"* ]]; then
        wt_ok "$1"
    else
        wt_not_ok "$1" "$WT_LAST_REQUEST (status $HTTP_STATUS): '$2' not found"
    fi
}

# wt_expect_no_text DESCRIPTION TEXT [HAYSTACK]: TEXT does not occur (case-insensitive) in HAYSTACK.
wt_expect_no_text() {
    local haystack=${3-$(<"$HTTP_BODY")}
    if [[ ${haystack,,} != *"${2,,}"* ]]; then
        wt_ok "$1"
    else
        wt_not_ok "$1" "$WT_LAST_REQUEST (status $HTTP_STATUS): '$2' found, expected none"
    fi
}

# ---------------------------------------------------------------------------------------------------------------------
# Steps of the tutorial, shared by both walkthroughs

# wt_register USER NAME EMAIL PASSWORD: registers through /register; registering logs the user in.
wt_register() {
    wt_submit "$1" /register /register "name=$2" "email=$3" "password=$4"
    wt_expect_redirect "$2 registers through /register and is sent home" '/'
}

# wt_login USER EMAIL PASSWORD
wt_login() {
    wt_submit "$1" /login /login "email=$2" "password=$3"
    wt_expect_redirect "$2 logs in through /login and is sent home" '/'
}

# wt_logout USER: the nav bar's log-out form.
wt_logout() {
    wt_submit "$1" / /logout
    wt_expect_redirect "$1 logs out (POST /logout) and is sent home" '/'
}

# wt_create_post USER TITLE SUBTITLE BODY: /new-post as its form sends it; sets WT_POST_ID (empty on failure).
# shellcheck disable=SC2034 # WT_POST_ID is read by the sourcing script
wt_create_post() {
    WT_POST_ID=""
    wt_submit "$1" /new-post /new-post "title=$2" "subtitle=$3" "img_url=" "body=$4"
    wt_expect_redirect "POST /new-post stores '$2' and redirects to the post" '/post/[0-9]+'
    if [[ $HTTP_LOCATION =~ ^/post/([0-9]+)$ ]]; then WT_POST_ID=${BASH_REMATCH[1]}; fi
}

# wt_comment USER POST_ID TEXT: the post page's comment form; sets WT_COMMENT_ID (empty on failure).
# shellcheck disable=SC2034 # WT_COMMENT_ID is read by the sourcing script
wt_comment() {
    WT_COMMENT_ID=""
    wt_submit "$1" "/post/$2" "/post/$2" "comment_text=$3"
    wt_expect_redirect "$1 comments (POST /post/$2, comment_text) and is sent to the comment" "/post/$2#comment-[0-9]+"
    if [[ $HTTP_LOCATION =~ \#comment-([0-9]+)$ ]]; then WT_COMMENT_ID=${BASH_REMATCH[1]}; fi
}

# wt_expect_comment_shown POST_ID COMMENT_ID NAME EMAIL TEXT: the post page shows the comment with its author's name
# and Gravatar.
wt_expect_comment_shown() {
    local markup
    wt_get anon "/post/$1"
    markup=$(wt_class_markup comment)
    wt_expect_text "GET /post/$1 shows comment $2 (id=\"comment-$2\")" "id=\"comment-$2\"" "$markup"
    wt_expect_text "the comment shows its text '$5'" "$5" "$markup"
    wt_expect_text "the comment shows the commenter's name '$3'" "$3" "$markup"
    wt_expect_text "the comment shows the Gravatar of $4" "src=\"$(wt_gravatar "$4")\"" "$markup"
}
