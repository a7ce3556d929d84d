#!/usr/bin/env bash
# Checks the running Keycloak's "drivetest" realm (infra/keycloak/drivetest-realm.json) from the outside:
# clients and their grants, token contents, the Account service's admin rights, PKCE, brute-force-safe
# wrong-password handling, the JWKS. Needs DT_KEYCLOAK_URL and DT_KEYCLOAK_ACCOUNT_SECRET (`. infra/env.sh`
# after `infra/keycloak.sh start`); fails when they are missing. Prints "N passed, N failed".
set -uo pipefail

# shellcheck source=check_lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/check_lib.sh"

if [[ -z "${DT_KEYCLOAK_URL:-}" || -z "${DT_KEYCLOAK_ACCOUNT_SECRET:-}" ]]; then
  fail "environment" "DT_KEYCLOAK_URL and DT_KEYCLOAK_ACCOUNT_SECRET must be set: infra/keycloak.sh start && . infra/env.sh"
  finish
fi

REALM_URL="$DT_KEYCLOAK_URL/realms/drivetest"
TOKEN_URL="$REALM_URL/protocol/openid-connect/token"
ISSUER=http://127.0.0.1:28180/realms/drivetest

# token_reply ARGS...: sets STATUS and BODY from a token request.
token_reply() {
  local out
  out="$(curl -s --max-time 20 -w '\n%{http_code}' "$TOKEN_URL" "$@")"
  STATUS="${out##*$'\n'}"
  BODY="${out%$'\n'*}"
}

password_grant() {
  token_reply -d grant_type=password -d "client_id=$1" --data-urlencode "username=$2" \
    --data-urlencode "password=$3" "${@:4}"
}

# payload TOKEN: the JWT's payload as JSON (base64url, unpadded).
payload() {
  python3 -c 'import base64, sys
part = sys.argv[1].split(".")[1]
sys.stdout.write(base64.urlsafe_b64decode(part + "=" * (-len(part) % 4)).decode())' "$1"
}
# header TOKEN: the JWT's header as JSON.
header() {
  python3 -c 'import base64, sys
part = sys.argv[1].split(".")[0]
sys.stdout.write(base64.urlsafe_b64decode(part + "=" * (-len(part) % 4)).decode())' "$1"
}

# claim_ok JSON JQ_FILTER: the filter yields true. Called through check, which shellcheck cannot follow.
# jq -e succeeds on empty input (no result to judge), so empty JSON fails here first.
# shellcheck disable=SC2317
claim_ok() { [[ -n "${1//[[:space:]]/}" ]] && jq -e "$2" <<<"$1" >/dev/null 2>&1; }

# ---- discovery and keys -----------------------------------------------------------------------------------

discovery="$(curl -sf --max-time 10 "$REALM_URL/.well-known/openid-configuration")"
check "discovery document answers with issuer $ISSUER" claim_ok "$discovery" ".issuer == \"$ISSUER\""
jwks="$(curl -sf --max-time 10 "$REALM_URL/protocol/openid-connect/certs")"
check "JWKS lists an RS256 signing key" claim_ok "$jwks" '[.keys[] | select(.alg == "RS256" and .use == "sig" and .kty == "RSA")] | length >= 1'

# ---- learner and admin through the test client --------------------------------------------------------------

password_grant drivetest-tests learner Learner-demo-1
if [[ "$STATUS" == 200 ]] && learner_token="$(jq -er .access_token <<<"$BODY")"; then
  pass "password grant for learner via drivetest-tests"
  claims="$(payload "$learner_token")"
  check "learner token: iss is $ISSUER" claim_ok "$claims" ".iss == \"$ISSUER\""
  check "learner token: aud contains drivetest-api" claim_ok "$claims" '[.aud] | flatten | index("drivetest-api") != null'
  check "learner token: azp is drivetest-tests" claim_ok "$claims" '.azp == "drivetest-tests"'
  check "learner token: realm roles contain learner, not admin" claim_ok "$claims" \
    '(.realm_access.roles | index("learner") != null) and (.realm_access.roles | index("admin") == null)'
  check "learner token: preferred_username and email" claim_ok "$claims" \
    '.preferred_username == "learner" and .email == "learner@drivetest.local"'
  check "learner token: lives 300 s" claim_ok "$claims" '.exp - .iat == 300'
  kid="$(header "$learner_token" | jq -r .kid)"
  check "learner token: signed RS256 with a key from the JWKS" claim_ok "$jwks" \
    "[.keys[] | select(.kid == \"$kid\" and .alg == \"RS256\")] | length == 1"
else
  fail "password grant for learner via drivetest-tests" "HTTP $STATUS: $BODY"
fi

password_grant drivetest-tests admin Admin-demo-1
if [[ "$STATUS" == 200 ]] && admin_token="$(jq -er .access_token <<<"$BODY")"; then
  pass "password grant for admin via drivetest-tests"
  claims="$(payload "$admin_token")"
  check "admin token: aud contains drivetest-api" claim_ok "$claims" '[.aud] | flatten | index("drivetest-api") != null'
  check "admin token: realm roles contain learner and admin" claim_ok "$claims" \
    '(.realm_access.roles | index("learner") != null) and (.realm_access.roles | index("admin") != null)'
else
  fail "password grant for admin via drivetest-tests" "HTTP $STATUS: $BODY"
fi

# Refresh tokens: valid for the SSO idle time (30 min) and single-use (rotation: revokeRefreshToken, no reuse).
password_grant drivetest-tests learner Learner-demo-1
refresh_token="$(jq -r '.refresh_token // empty' <<<"$BODY")"
check "refresh token lives 1800 s (SSO idle)" claim_ok "$BODY" '.refresh_expires_in == 1800'
token_reply -d grant_type=refresh_token -d client_id=drivetest-tests --data-urlencode "refresh_token=$refresh_token"
check "refresh token works once (200)" test "$STATUS" == 200
token_reply -d grant_type=refresh_token -d client_id=drivetest-tests --data-urlencode "refresh_token=$refresh_token"
check "refresh token reused -> 400 invalid_grant" claim_ok "$(jq -c --arg s "$STATUS" '. + {status: $s}' <<<"$BODY")" \
  '.status == "400" and .error == "invalid_grant"'

# One wrong password, followed by a good login that clears the brute-force counter (failureFactor 5).
password_grant drivetest-tests learner Wrong-password-1
# invalid_grant: Keycloak 26.7 answers 400, as RFC 6749 section 5.2 says; 26.5 (the Java 17 choice) answers 401.
check "wrong password -> 400/401 invalid_grant" claim_ok "$(jq -c --arg s "$STATUS" '. + {status: $s}' <<<"$BODY")" \
  '(.status == "400" or .status == "401") and .error == "invalid_grant"'
password_grant drivetest-tests learner Learner-demo-1
check "good password after a wrong one -> 200" test "$STATUS" == 200

# ---- the web client: browser flow only, PKCE S256 required ----------------------------------------------------

password_grant drivetest-web learner Learner-demo-1
check "drivetest-web refuses the password grant (unauthorized_client)" claim_ok \
  "$(jq -c --arg s "$STATUS" '. + {status: $s}' <<<"$BODY")" '(.status | startswith("4")) and .error == "unauthorized_client"'

auth_url="$REALM_URL/protocol/openid-connect/auth?client_id=drivetest-web&response_type=code&scope=openid"
auth_url+="&redirect_uri=http%3A%2F%2F127.0.0.1%3A28080%2Fcallback"
location="$(curl -s --max-time 10 -o /dev/null -w '%{redirect_url}' "$auth_url")"
check "drivetest-web without code_challenge -> redirected with an error" \
  grep -q 'error=invalid_request.*code_challenge' <<<"$location"
login_status="$(curl -s --max-time 10 -o /dev/null -w '%{http_code}' \
  "$auth_url&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256")"
check "drivetest-web with an S256 code_challenge -> login page (200)" test "$login_status" == 200
location="$(curl -s --max-time 10 -o /dev/null -w '%{redirect_url}%{http_code}' \
  "${auth_url/127.0.0.1%3A28080/127.0.0.1%3A29999}&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256")"
check "drivetest-web with an unregistered redirect_uri -> no redirect (400)" test "$location" == 400

# check_password_policy TOKEN: with the Account service's rights, create a throw-away user, see a weak password
# refused and a good one taken, then delete the user again.
check_password_policy() {
  local auth="Authorization: Bearer $1" users="$DT_KEYCLOAK_URL/admin/realms/drivetest/users" name location id
  name="policy-test-$$-$RANDOM"
  location="$(curl -s --max-time 10 -o /dev/null -D - -X POST -H "$auth" \
    -H 'Content-Type: application/json' --data-binary \
    "{\"username\":\"$name\",\"email\":\"$name@drivetest.local\",\"firstName\":\"Policy\",\"lastName\":\"Test\",\"enabled\":true}" \
    "$users" | tr -d '\r' | sed -n 's/^[Ll]ocation: //p')"
  id="${location##*/}"
  if [[ -z "$location" || -z "$id" ]]; then
    fail "account token creates a user" "no Location header"
    return
  fi
  pass "account token creates a user"
  local weak strong
  weak="$(curl -s --max-time 10 -o /dev/null -w '%{http_code}' -X PUT -H "$auth" -H 'Content-Type: application/json' \
    --data-binary '{"type":"password","value":"shortpw1","temporary":false}' "$users/$id/reset-password")"
  check "password policy refuses 'shortpw1' (400)" test "$weak" == 400
  weak="$(curl -s --max-time 10 -o /dev/null -w '%{http_code}' -X PUT -H "$auth" -H 'Content-Type: application/json' \
    --data-binary '{"type":"password","value":"longenough-but-no-upper1","temporary":false}' "$users/$id/reset-password")"
  check "password policy refuses a password without upper case (400)" test "$weak" == 400
  strong="$(curl -s --max-time 10 -o /dev/null -w '%{http_code}' -X PUT -H "$auth" -H 'Content-Type: application/json' \
    --data-binary '{"type":"password","value":"Policy-test-42","temporary":false}' "$users/$id/reset-password")"
  check "password policy accepts 'Policy-test-42' (204)" test "$strong" == 204
  password_grant drivetest-tests "$name" Policy-test-42
  check "the new user logs in and has the learner role" claim_ok \
    "$(payload "$(jq -r '.access_token // empty' <<<"$BODY")" 2>/dev/null)" '.realm_access.roles | index("learner") != null'
  check "account token deletes the user (204)" test \
    "$(curl -s --max-time 10 -o /dev/null -w '%{http_code}' -X DELETE -H "$auth" "$users/$id")" == 204
}

# ---- the Account service's confidential client ------------------------------------------------------------

token_reply -d grant_type=client_credentials -d client_id=drivetest-account \
  --data-urlencode "client_secret=$DT_KEYCLOAK_ACCOUNT_SECRET"
if [[ "$STATUS" == 200 ]] && account_token="$(jq -er .access_token <<<"$BODY")"; then
  pass "client credentials grant for drivetest-account"
  claims="$(payload "$account_token")"
  check "account token: aud contains drivetest-api" claim_ok "$claims" '[.aud] | flatten | index("drivetest-api") != null'
  users_status="$(curl -s --max-time 10 -o /tmp/keycloak_realm_test.$$ -w '%{http_code}' \
    -H "Authorization: Bearer $account_token" "$DT_KEYCLOAK_URL/admin/realms/drivetest/users?max=1")"
  check "account token lists users (admin API, 200, one user)" claim_ok \
    "$(jq -c --arg s "$users_status" '{status: $s, users: .}' /tmp/keycloak_realm_test.$$ 2>/dev/null)" \
    '.status == "200" and (.users | length) == 1'
  rm -f /tmp/keycloak_realm_test.$$
  check_password_policy "$account_token"
  clients_status="$(curl -s --max-time 10 -o /dev/null -w '%{http_code}' \
    -H "Authorization: Bearer $account_token" "$DT_KEYCLOAK_URL/admin/realms/drivetest/clients")"
  check "account token cannot list clients (403)" test "$clients_status" == 403
else
  fail "client credentials grant for drivetest-account" "HTTP $STATUS: $BODY"
fi

password_grant drivetest-account learner Learner-demo-1 --data-urlencode "client_secret=$DT_KEYCLOAK_ACCOUNT_SECRET"
check "drivetest-account password grant checks a user's password (200)" test "$STATUS" == 200
token_reply -d grant_type=client_credentials -d client_id=drivetest-account -d client_secret=not-the-secret
check "drivetest-account with a wrong secret -> 401" test "$STATUS" == 401

finish
