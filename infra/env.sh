# shellcheck shell=sh
# Source it to point tests and services at the local servers:   . infra/env.sh
# Exports DT_SOURCE_DIR (repo root) and, for each server that is running, its URL (DT_PG_URL, DT_REDIS_URL).
# A server that is not set up or not running leaves its variable untouched. POSIX sh (make's /bin/sh,
# bash, zsh), no `set -e`: this runs inside the caller's shell and must never make it exit.

# Where am I? bash tells us; other shells: the current directory or git.
# shellcheck disable=SC3028,SC3054
if [ -n "${BASH_SOURCE:-}" ]; then
  _dt_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
elif [ -f ./infra/env.sh ]; then
  _dt_root=$(pwd -P)
else
  _dt_root=$(git rev-parse --show-toplevel 2>/dev/null) || _dt_root=
fi

if [ -n "$_dt_root" ] && [ -f "$_dt_root/infra/env.sh" ]; then
  DT_SOURCE_DIR=$_dt_root
  export DT_SOURCE_DIR
  # server:VARIABLE pairs; a new server whose URL tests need gets a pair here.
  for _dt_pair in postgres:DT_PG_URL redis:DT_REDIS_URL etcd:DT_ETCD_URL keycloak:DT_KEYCLOAK_URL kafka:DT_KAFKA_BROKERS mailpit:DT_MAILPIT_URL seaweedfs:DT_S3_URL; do
    _dt_script="$_dt_root/infra/${_dt_pair%%:*}.sh"
    if [ -x "$_dt_script" ] && "$_dt_script" status >/dev/null 2>&1 &&
      _dt_url=$("$_dt_script" url 2>/dev/null) && [ -n "$_dt_url" ]; then
      export "${_dt_pair#*:}=$_dt_url"
      # Mailpit also has an SMTP address, for the services that send mail.
      if [ "${_dt_pair%%:*}" = mailpit ]; then
        DT_SMTP_URL=$("$_dt_script" smtp) && export DT_SMTP_URL
      fi
    fi
  done
  # The one secret exported: tests run the Account service in-process, and it authenticates to Keycloak as
  # the confidential client drivetest-account (infra/keycloak.sh generates the secret on its first start).
  if [ -s "$_dt_root/var/secrets/keycloak-account-client.password" ]; then
    DT_KEYCLOAK_ACCOUNT_SECRET=$(cat "$_dt_root/var/secrets/keycloak-account-client.password")
    export DT_KEYCLOAK_ACCOUNT_SECRET
  fi
  # The object store's credentials (infra/seaweedfs.sh generates them on its first start): the File service
  # signs its S3 requests with them.
  if [ -s "$_dt_root/var/secrets/s3-access-key.password" ] && [ -s "$_dt_root/var/secrets/s3-secret-key.password" ]; then
    DT_S3_ACCESS_KEY=$(cat "$_dt_root/var/secrets/s3-access-key.password")
    DT_S3_SECRET_KEY=$(cat "$_dt_root/var/secrets/s3-secret-key.password")
    export DT_S3_ACCESS_KEY DT_S3_SECRET_KEY
  fi
else
  echo "infra/env.sh: cannot find the repo root; source it as '. infra/env.sh' from the repo root" >&2
fi
unset _dt_root _dt_pair _dt_script _dt_url
true
