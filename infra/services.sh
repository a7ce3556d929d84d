#!/usr/bin/env bash
# Starts and stops the project's own services listed in infra/services.list:
#   infra/services.sh {start|stop|status|urls}
# Each runs in the background with its log in var/log/NAME.log and its pid in var/run/NAME.pid; start waits
# for http://127.0.0.1:PORT/health/ready.
set -euo pipefail
# shellcheck source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# DT_SERVICES_LIST overrides the list (used to try the script with a stand-in service).
SERVICES_LIST="${DT_SERVICES_LIST:-$DT_ROOT/infra/services.list}"

# Parallel arrays filled from the list: NAMES, BINS (absolute), PORTS, ARGS (raw extra args).
NAMES=() BINS=() PORTS=() ARGS=()
load_list() {
  local name bin port args lineno=0 where
  [[ -f "$SERVICES_LIST" ]] || return 0
  where="$(rel "$SERVICES_LIST")"
  while read -r name bin port args || [[ -n "${name:-}" ]]; do
    lineno=$((lineno + 1))
    [[ -z "$name" || "$name" == \#* ]] && continue
    [[ -n "$bin" && "$port" =~ ^[0-9]+$ ]] ||
      die "$where:$lineno: expected 'name binary-path port [args...]'"
    [[ "$bin" == /* ]] || bin="$DT_ROOT/$bin"
    NAMES+=("$name") BINS+=("$bin") PORTS+=("$port") ARGS+=("$args")
  done <"$SERVICES_LIST"
}

ready_url() { printf 'http://127.0.0.1:%s/health/ready' "$1"; }
is_ready() { curl -fsS -o /dev/null --max-time 2 "$(ready_url "$1")"; }

start_one() {
  local name="$1" bin="$2" port="$3" args="$4"
  local pidfile="$DT_RUN_DIR/$name.pid" log="$DT_LOG_DIR/$name.log" pid rc=0
  step_begin "starting $name"
  pid="$(pidfile_check "$pidfile" "$bin")" || rc=$?
  if ((rc == 0)); then
    wait_for_cmd --pid "$pid" "$DT_START_TIMEOUT" is_ready "$port" ||
      fail_with_log "$name (running as pid $pid but not ready at $(ready_url "$port"))" "$log"
    step_end "already running (pid $pid, http://127.0.0.1:$port)"
    return 0
  fi
  rm -f "$pidfile" # absent or stale
  [[ -x "$bin" ]] || die "$name: binary $(rel "$bin") not found or not executable (did \`make build\` build it?)"
  local owner
  owner="$(port_owner "$port")"
  [[ -z "$owner" ]] || die "$name: port $port is already in use by $owner"

  printf '\n==== %s start %s ====\n' "$name" "$(date -u +%FT%TZ)" >>"$log"
  # setsid: the service gets its own session, so it outlives `make run` and a Ctrl-C in that terminal.
  # $args is split on purpose (documented in services.list: no quoting).
  # shellcheck disable=SC2086
  DT_SERVICE_NAME="$name" DT_HTTP_HOST=127.0.0.1 DT_HTTP_PORT="$port" \
    setsid "$bin" $args </dev/null >>"$log" 2>&1 &
  pid=$!
  printf '%s\n' "$pid" >"$pidfile"
  rc=0
  wait_for_cmd --pid "$pid" "$DT_START_TIMEOUT" is_ready "$port" || rc=$?
  if ((rc != 0)); then
    local url why
    url="$(ready_url "$port")"
    why="not ready at $url within ${DT_START_TIMEOUT}s"
    if ((rc == 2)); then why="exited before $url answered"; fi
    pid_stop "$pid" "$bin" 5 || true
    rm -f "$pidfile"
    fail_with_log "starting $name ($why)" "$log"
  fi
  step_end "ready (http://127.0.0.1:$port)"
}

stop_one() {
  local name="$1" bin="$2" pidfile="$DT_RUN_DIR/$1.pid" pid rc=0
  step_begin "stopping $name"
  pid="$(pidfile_check "$pidfile" "$bin")" || rc=$?
  if ((rc != 0)); then
    rm -f "$pidfile"
    step_end "not running"
    return 0
  fi
  # SIGTERM is the services' graceful shutdown (the kit drains requests); SIGKILL after 10 s.
  pid_stop "$pid" "$bin" 10 || fail_with_log "stopping $name (pid $pid)" "$DT_LOG_DIR/$name.log"
  rm -f "$pidfile"
  step_end "stopped"
}

cmd_start() {
  load_list
  ((${#NAMES[@]})) || return 0
  ensure_var_dirs
  # Services read the local servers' URLs from the environment.
  # shellcheck source=env.sh
  . "$DT_ROOT/infra/env.sh"
  local i
  for i in "${!NAMES[@]}"; do
    start_one "${NAMES[i]}" "${BINS[i]}" "${PORTS[i]}" "${ARGS[i]}"
  done
}

cmd_stop() {
  load_list
  local i rc=0
  for ((i = ${#NAMES[@]} - 1; i >= 0; i--)); do
    stop_one "${NAMES[i]}" "${BINS[i]}" || rc=1
  done
  return "$rc"
}

cmd_status() {
  load_list
  local i pid rc=0
  for i in "${!NAMES[@]}"; do
    if pid="$(pidfile_check "$DT_RUN_DIR/${NAMES[i]}.pid" "${BINS[i]}")"; then
      printf '%s: running (pid %s, http://127.0.0.1:%s)\n' "${NAMES[i]}" "$pid" "${PORTS[i]}"
    else
      printf '%s: stopped\n' "${NAMES[i]}"
      rc=3
    fi
  done
  return "$rc"
}

cmd_urls() {
  load_list
  local i
  for i in "${!NAMES[@]}"; do
    printf '    %-12s http://127.0.0.1:%s\n' "${NAMES[i]}" "${PORTS[i]}"
  done
}

case "${1:-}" in
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  urls) cmd_urls ;;
  *)
    printf 'usage: %s {start|stop|status|urls}\n' "$0" >&2
    exit 2
    ;;
esac
