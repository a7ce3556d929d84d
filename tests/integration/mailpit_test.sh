#!/usr/bin/env bash
# Checks the running Mailpit (infra/mailpit.sh) from the outside: a message sent over SMTP (with and without
# AUTH, through curl) is found through the HTTP API by recipient, its subject and body read back, and "delete
# all" empties the store. Needs DT_MAILPIT_URL and DT_SMTP_URL (`. infra/env.sh` after `infra/mailpit.sh start`);
# fails when they are missing. Prints "N passed, N failed".
#
# It deletes every stored message at the end: the catcher is for development and tests, nothing in it is kept.
set -uo pipefail

# shellcheck source=check_lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/check_lib.sh"

if [[ -z "${DT_MAILPIT_URL:-}" || -z "${DT_SMTP_URL:-}" ]]; then
  fail "environment" "DT_MAILPIT_URL and DT_SMTP_URL must be set: infra/mailpit.sh start && . infra/env.sh"
  finish
fi

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
# A recipient no other test uses, so searching for it finds only this run's messages.
TAG="$(date +%s)-$$"
RCPT="mailpit-test-$TAG@drivetest.test"
FROM="noreply@drivetest.test"
SUBJECT="Your exam result $TAG"
BODY_LINE="You passed the theory exam with 47 of 50."

# json_ok JSON JQ_FILTER: the filter yields true (empty JSON fails: jq -e succeeds on empty input).
# shellcheck disable=SC2317
json_ok() { [[ -n "${1//[[:space:]]/}" ]] && jq -e "$2" <<<"$1" >/dev/null 2>&1; }

# send_mail FILE [CURL_ARGS...]: deliver FILE to RCPT over SMTP. Called through check.
# shellcheck disable=SC2317
send_mail() {
  curl -sS --max-time 20 "$DT_SMTP_URL" --mail-from "$FROM" --mail-rcpt "$RCPT" -T "$1" "${@:2}"
}

# search: the stored messages addressed to RCPT, as JSON (the search runs right after delivery, and
# Mailpit stores a message before it answers the DATA command, so no waiting is needed).
search() { curl -sf --max-time 10 -G "$DT_MAILPIT_URL/api/v1/search" --data-urlencode "query=to:\"$RCPT\""; }

# ---- the server ---------------------------------------------------------------------------------------------

info="$(curl -sf --max-time 10 "$DT_MAILPIT_URL/api/v1/info")"
check "GET /api/v1/info answers with a version, update checks off" \
  json_ok "$info" '(.Version | startswith("v")) and .LatestVersion == "disabled"'
check "web UI bundle is served (GET /dist/app.js)" \
  curl -sf --max-time 10 -o /dev/null "$DT_MAILPIT_URL/dist/app.js"

# ---- send over SMTP ---------------------------------------------------------------------------------------

cat >"$WORK/plain.eml" <<EOF
From: DriveTest <$FROM>
To: <$RCPT>
Subject: $SUBJECT
Date: $(date -R)
Message-ID: <$TAG.plain@drivetest.test>
MIME-Version: 1.0
Content-Type: text/plain; charset=utf-8

Hello,

$BODY_LINE
EOF
check "SMTP delivery without AUTH" send_mail "$WORK/plain.eml"

sed -e "s/^Subject: .*/Subject: $SUBJECT (authenticated)/" -e "s/\.plain@/.auth@/" "$WORK/plain.eml" >"$WORK/auth.eml"
# curl sends AUTH only when the server offers it; the trace shows it was offered and accepted (235).
check "SMTP delivery with AUTH" \
  send_mail "$WORK/auth.eml" --user "notification:any-password" --login-options AUTH=PLAIN -v --stderr "$WORK/auth.trace"
check "SMTP AUTH PLAIN accepted for any user and password" grep -q '^< 235 ' "$WORK/auth.trace"

# ---- find and read through the API ------------------------------------------------------------------------

found="$(search)"
check "search to:$RCPT finds both messages" json_ok "$found" '.messages_count == 2'
id="$(jq -r --arg s "$SUBJECT" '.messages[] | select(.Subject == $s) | .ID' <<<"$found" 2>/dev/null)"
check "the plain message is listed with its subject" test -n "$id"

message="$(curl -sf --max-time 10 "$DT_MAILPIT_URL/api/v1/message/$id")"
check "GET /api/v1/message/ID: subject" json_ok "$message" ".Subject == \"$SUBJECT\""
check "GET /api/v1/message/ID: sender and recipient" \
  json_ok "$message" ".From.Address == \"$FROM\" and (.To | map(.Address) == [\"$RCPT\"])"
check "GET /api/v1/message/ID: text body" json_ok "$message" ".Text | contains(\"$BODY_LINE\")"

listed="$(curl -sf --max-time 10 "$DT_MAILPIT_URL/api/v1/messages?limit=50")"
check "GET /api/v1/messages lists the message" json_ok "$listed" "any(.messages[]; .ID == \"$id\")"

# ---- delete all -------------------------------------------------------------------------------------------

check "DELETE /api/v1/messages (delete all)" \
  curl -sf --max-time 10 -o /dev/null -X DELETE "$DT_MAILPIT_URL/api/v1/messages"
check "no message left" json_ok "$(curl -sf --max-time 10 "$DT_MAILPIT_URL/api/v1/messages")" '.total == 0'
check "search finds nothing after delete" json_ok "$(search)" '.messages_count == 0'

finish
