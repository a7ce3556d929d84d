#!/bin/sh
# Renders the configuration files that must hold secrets, for deploy/compose.yaml's one-shot `config` service
# (busybox; also runs with any POSIX sh and sed). Nothing secret is committed: the inputs are the repository's
# realm template and the variables of deploy/.env.
#
#   $REALM_TEMPLATE (infra/keycloak/drivetest-realm.json)  ->  $OUT_DIR/keycloak/drivetest-realm.json
#     the drivetest-account client's secret placeholder replaced by KEYCLOAK_ACCOUNT_CLIENT_SECRET, and the
#     realm's SMTP server (127.0.0.1:21025 locally) replaced by SMTP_HOST:SMTP_PORT (Mailpit in compose)
#   $OUT_DIR/seaweedfs/s3.json  the S3 identity `drivetest` (S3_ACCESS_KEY / S3_SECRET_KEY), may do everything
#
# Idempotent: a second run writes the same files. Keycloak imports the realm only while it does not exist.
set -eu

REALM_TEMPLATE=${REALM_TEMPLATE:-/in/drivetest-realm.json}
OUT_DIR=${OUT_DIR:-/out}
KEYCLOAK_UID=${KEYCLOAK_UID:-1000}
SMTP_HOST=${SMTP_HOST:-mailpit}
SMTP_PORT=${SMTP_PORT:-1025}

require() {
  eval "value=\${$1:-}"
  [ -n "$value" ] || { echo "render-config: $1 is not set (deploy/.env)" >&2; exit 2; }
  case "$value" in
    *[!A-Za-z0-9._~-]*) echo "render-config: $1 may hold only A-Z a-z 0-9 . _ ~ - (use: openssl rand -hex 32)" >&2; exit 2 ;;
  esac
}
require KEYCLOAK_ACCOUNT_CLIENT_SECRET
require S3_ACCESS_KEY
require S3_SECRET_KEY

mkdir -p "$OUT_DIR/keycloak" "$OUT_DIR/seaweedfs"
umask 077

realm="$OUT_DIR/keycloak/drivetest-realm.json"
sed -e "s/@@KEYCLOAK_ACCOUNT_CLIENT_SECRET@@/$KEYCLOAK_ACCOUNT_CLIENT_SECRET/" \
    -e "/\"smtpServer\"/,/}/{s/\"host\": \"[^\"]*\"/\"host\": \"$SMTP_HOST\"/;s/\"port\": \"[^\"]*\"/\"port\": \"$SMTP_PORT\"/;}" \
    "$REALM_TEMPLATE" >"$realm.tmp"
if grep -q '@@[A-Z_]*@@' "$realm.tmp"; then
  echo "render-config: a placeholder is left in the realm file" >&2
  exit 1
fi
mv -f "$realm.tmp" "$realm"

s3="$OUT_DIR/seaweedfs/s3.json"
printf '{"identities":[{"name":"drivetest","credentials":[{"accessKey":"%s","secretKey":"%s"}],"actions":["Admin","Read","List","Tagging","Write"]}]}\n' \
  "$S3_ACCESS_KEY" "$S3_SECRET_KEY" >"$s3.tmp"
mv -f "$s3.tmp" "$s3"

# Keycloak runs as uid 1000; SeaweedFS reads its file as whatever user its image runs as. Only the one
# container that needs each file mounts its volume.
if [ "$(id -u)" = 0 ]; then chown "$KEYCLOAK_UID:0" "$realm"; fi
chmod 600 "$realm"
chmod 644 "$s3"
echo "render-config: wrote $realm and $s3"
