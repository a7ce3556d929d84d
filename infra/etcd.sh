#!/usr/bin/env bash
# Project-local etcd 3.4 (the service registry): infra/etcd.sh {start|stop|status|restart|url|ctl [ARGS...]}
#
# One member named "drivetest", clients on http://127.0.0.1:22379, peers on 127.0.0.1:22380 (nothing else
# listens), data in var/etcd, log in var/log/etcd.log, pid in var/run/etcd.pid. No authentication: it binds
# to 127.0.0.1 only and holds nothing secret (instances' addresses). The Debian etcd service (2379/2380, data in
# /var/lib/etcd) is never used or needed; it may run beside ours without interfering.
set -euo pipefail
# shellcheck source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ETCD_SERVER=/usr/bin/etcd
ETCD_NAME=drivetest
ETCD_HOST=127.0.0.1
ETCD_CLIENT_PORT=22379
ETCD_PEER_PORT=22380
ETCD_CLIENT_URL="http://$ETCD_HOST:$ETCD_CLIENT_PORT"
ETCD_PEER_URL="http://$ETCD_HOST:$ETCD_PEER_PORT"
ETCD_DIR="$DT_VAR/etcd"
ETCD_LOG="$DT_LOG_DIR/etcd.log"
ETCD_PIDFILE="$DT_RUN_DIR/etcd.pid"

# /health answers {"health":"true"} once the member has a leader and serves requests.
etcd_ready() {
  curl -fsS --max-time 2 "$ETCD_CLIENT_URL/health" 2>/dev/null | grep -q '"health":"true"'
}

# running_pid: echoes the server pid; returns 0 running, 1 no pid file, 2 stale pid file (the server_* steps
# of lib.sh call it too).
running_pid() { pidfile_check "$ETCD_PIDFILE" "$ETCD_SERVER"; }

cmd_start() {
  server_start_begin etcd "$ETCD_PIDFILE" "$ETCD_LOG" etcd_ready "/health is not ok"
  if [[ -n "$SERVER_PID" ]]; then
    step_end "already running (pid $SERVER_PID, $ETCD_CLIENT_URL)"
    return 0
  fi
  server_check_ports etcd "$ETCD_CLIENT_PORT" "$ETCD_PEER_PORT"

  ensure_var_dirs
  mkdir -p "$ETCD_DIR"
  chmod 700 "$ETCD_DIR"
  log_header "$ETCD_LOG" "etcd start"
  # etcd stays in the foreground: it runs detached in its own session (setsid execs it in place: the background
  # subshell is no group leader, so $! is etcd's pid). Every setting is a flag; ETCD_* variables of the caller's
  # environment are dropped, since etcd would read them as settings too. Auto-compaction keeps one hour of
  # history: registrations rewrite their keys, nothing needs older revisions.
  (
    drop_env ETCD_
    exec setsid "$ETCD_SERVER" \
      --name "$ETCD_NAME" \
      --data-dir "$ETCD_DIR" \
      --listen-client-urls "$ETCD_CLIENT_URL" \
      --advertise-client-urls "$ETCD_CLIENT_URL" \
      --listen-peer-urls "$ETCD_PEER_URL" \
      --initial-advertise-peer-urls "$ETCD_PEER_URL" \
      --initial-cluster "$ETCD_NAME=$ETCD_PEER_URL" \
      --initial-cluster-state new \
      --initial-cluster-token "drivetest-local" \
      --auto-compaction-mode periodic \
      --auto-compaction-retention 1h \
      --logger zap \
      --log-outputs stderr \
      </dev/null >>"$ETCD_LOG" 2>&1
  ) &
  server_launched etcd "$!" "$ETCD_PIDFILE" "$ETCD_LOG" etcd_ready "/health"
  step_end "ready ($ETCD_CLIENT_URL$SERVER_NOTE)"
}

# SIGTERM is etcd's graceful stop (it finishes in-flight requests and closes the database).
cmd_stop() { server_stop etcd "$ETCD_PIDFILE" "$ETCD_LOG" pid_stop "$ETCD_SERVER" 10; }

cmd_status() { server_status etcd "$ETCD_LOG" etcd_ready "/health is not ok" "$ETCD_CLIENT_URL"; }

case "${1:-}" in
  start | stop | restart | status) "cmd_$1" ;;
  url) printf '%s\n' "$ETCD_CLIENT_URL" ;;
  ctl)
    # etcdctl (v3 API) on our member: infra/etcd.sh ctl get --prefix /drivetest/
    shift
    ETCDCTL_API=3 exec etcdctl --endpoints "$ETCD_CLIENT_URL" "$@"
    ;;
  *)
    printf 'usage: %s {start|stop|status|restart|url|ctl [ARGS...]}\n' "$0" >&2
    exit 2
    ;;
esac
