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

# running_pid: echoes the server pid; returns 0 running, 1 no pid file, 2 stale pid file.
running_pid() { pidfile_check "$ETCD_PIDFILE" "$ETCD_SERVER"; }

cmd_start() {
  local pid rc=0 note=""
  step_begin "starting etcd"
  pid="$(running_pid)" || rc=$?
  if ((rc == 0)); then
    wait_for_cmd --pid "$pid" "$DT_START_TIMEOUT" etcd_ready ||
      fail_with_log "etcd (running as pid $pid but /health is not ok)" "$ETCD_LOG"
    step_end "already running (pid $pid, $ETCD_CLIENT_URL)"
    return 0
  fi
  if ((rc == 2)); then
    rm -f "$ETCD_PIDFILE"
    note=", stale pid file removed"
  fi
  local port owner
  for port in "$ETCD_CLIENT_PORT" "$ETCD_PEER_PORT"; do
    owner="$(port_owner "$port")"
    [[ -z "$owner" ]] ||
      die "port $port is already in use by $owner; stop it (another checkout's infra/etcd.sh stop?)"
  done

  ensure_var_dirs
  mkdir -p "$ETCD_DIR"
  chmod 700 "$ETCD_DIR"
  printf '\n==== etcd start %s ====\n' "$(date -u +%FT%TZ)" >>"$ETCD_LOG"
  # etcd stays in the foreground: it runs detached in its own session (setsid execs it in place: the background
  # subshell is no group leader, so $! is etcd's pid). Every setting is a flag; ETCD_* variables of the caller's
  # environment are dropped, since etcd would read them as settings too. Auto-compaction keeps one hour of
  # history: registrations rewrite their keys, nothing needs older revisions.
  (
    for var in $(compgen -e); do
      [[ "$var" != ETCD_* ]] || unset "$var"
    done
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
  pid=$!
  printf '%s\n' "$pid" >"$ETCD_PIDFILE"
  wait_for_cmd --pid "$pid" "$DT_START_TIMEOUT" etcd_ready || fail_with_log "waiting for etcd (/health)" "$ETCD_LOG"
  step_end "ready ($ETCD_CLIENT_URL$note)"
}

cmd_stop() {
  local pid rc=0
  step_begin "stopping etcd"
  pid="$(running_pid)" || rc=$?
  case "$rc" in
    1)
      step_end "not running"
      return 0
      ;;
    2)
      rm -f "$ETCD_PIDFILE"
      step_end "not running (stale pid file removed)"
      return 0
      ;;
  esac
  # SIGTERM is etcd's graceful stop (it finishes in-flight requests and closes the database).
  pid_stop "$pid" "$ETCD_SERVER" 10 || fail_with_log "stopping etcd (pid $pid)" "$ETCD_LOG"
  rm -f "$ETCD_PIDFILE"
  step_end "stopped"
}

cmd_status() {
  local pid rc=0
  pid="$(running_pid)" || rc=$?
  case "$rc" in
    0)
      if etcd_ready; then
        printf 'etcd: running (pid %s, %s)\n' "$pid" "$ETCD_CLIENT_URL"
        return 0
      fi
      printf 'etcd: running (pid %s) but /health is not ok; see %s\n' "$pid" "$(rel "$ETCD_LOG")"
      return 1
      ;;
    2) printf 'etcd: stopped (stale pid file)\n' ;;
    *) printf 'etcd: stopped\n' ;;
  esac
  return 3
}

case "${1:-}" in
  start) cmd_start ;;
  stop) cmd_stop ;;
  restart)
    cmd_stop
    cmd_start
    ;;
  status) cmd_status ;;
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
