# shellcheck shell=bash
# Shared helpers for the infra/ scripts. Source it, do not run it:
#   . "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
# It sets DT_ROOT (repo root) and the var/ layout, and defines small helpers for logging steps,
# waiting with a timeout, generating secrets, handling pid files, and the start/stop/status steps that the
# server scripts (infra/postgres.sh, redis.sh, ...) share.

DT_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
DT_VAR="$DT_ROOT/var"
DT_LOG_DIR="$DT_VAR/log"
DT_RUN_DIR="$DT_VAR/run"
DT_SECRETS_DIR="$DT_VAR/secrets"
# Seconds a server gets to become ready; CI machines can be slow on a cold start.
DT_START_TIMEOUT="${DT_START_TIMEOUT:-60}"

# ---- logging -----------------------------------------------------------------------------------------------

# step "starting postgres" -> "==> starting postgres"
step() { printf '==> %s\n' "$*"; }
# step_begin/step_end print one line in two parts: "==> starting postgres ... ready (127.0.0.1:25432)".
# DT_STEP_OPEN remembers a half-printed line so that errors finish it with "FAILED" first.
DT_STEP_OPEN=0
step_begin() {
  printf '==> %s ... ' "$*"
  DT_STEP_OPEN=1
}
step_end() {
  printf '%s\n' "$*"
  DT_STEP_OPEN=0
}
step_failed() {
  if ((DT_STEP_OPEN)); then
    printf 'FAILED\n'
    DT_STEP_OPEN=0
  fi
}
info() {
  if ((DT_STEP_OPEN)); then
    printf '\n'
    DT_STEP_OPEN=0
  fi
  printf '    %s\n' "$*"
}
warn() { printf 'warning: %s\n' "$*" >&2; }
die() {
  step_failed
  printf 'error: %s\n' "$*" >&2
  exit 1
}

# rel PATH: PATH relative to the repo root, for messages ("see var/log/postgres.log").
rel() { printf '%s' "${1#"$DT_ROOT"/}"; }

# fail_with_log STEP LOGFILE [notail]: name the failing step and the log to read, show the log's last lines
# (unless "notail": the output was already on screen), exit 1.
fail_with_log() {
  local what="$1" log="$2" tail="${3:-tail}"
  step_failed
  printf 'error: %s failed; read %s\n' "$what" "$(rel "$log")" >&2
  if [[ "$tail" == tail && -s "$log" ]]; then
    printf -- '---- last lines of %s ----\n' "$(rel "$log")" >&2
    tail -n 20 "$log" >&2
    printf -- '----\n' >&2
  fi
  exit 1
}

# ---- waiting -----------------------------------------------------------------------------------------------

# wait_for_cmd [--pid PID] TIMEOUT CMD [ARGS...]
# Polls CMD (output discarded) every 0.2 s until it succeeds (return 0) or TIMEOUT seconds pass (return 1).
# With --pid, gives up early (return 2) as soon as PID has exited: no point waiting for a dead server.
wait_for_cmd() {
  local pid=""
  if [[ "${1:-}" == "--pid" ]]; then
    pid="$2"
    shift 2
  fi
  local timeout="$1"
  shift
  local deadline=$((SECONDS + timeout))
  while true; do
    if "$@" >/dev/null 2>&1; then
      return 0
    fi
    if [[ -n "$pid" ]] && ! pid_alive "$pid"; then
      return 2
    fi
    if ((SECONDS >= deadline)); then
      return 1
    fi
    sleep 0.2
  done
}

# port_open HOST PORT: something accepts TCP connections there (bash's /dev/tcp, no extra tool needed).
port_open() {
  (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null
}

# wait_for_port [--pid PID] HOST PORT TIMEOUT
wait_for_port() {
  local pid_args=()
  if [[ "${1:-}" == "--pid" ]]; then
    pid_args=(--pid "$2")
    shift 2
  fi
  wait_for_cmd "${pid_args[@]}" "$3" port_open "$1" "$2"
}

# port_owner PORT: "pid=123 (name)" of the local TCP listener on PORT, empty when the port is free.
port_owner() {
  local line
  line="$(ss -Hltnp "sport = :$1" 2>/dev/null | head -n 1)"
  [[ -n "$line" ]] || return 0
  if [[ "$line" =~ \(\(\"([^\"]+)\",pid=([0-9]+) ]]; then
    printf 'pid=%s (%s)' "${BASH_REMATCH[2]}" "${BASH_REMATCH[1]}"
  else
    printf 'unknown process'
  fi
}

# ---- pid files ---------------------------------------------------------------------------------------------

# pid_alive PID: the process exists and is not a zombie (an init that does not reap leaves zombies around,
# and `kill -0` succeeds on those).
pid_alive() {
  [[ "$1" =~ ^[0-9]+$ ]] || return 1
  local stat
  stat="$(cat "/proc/$1/stat" 2>/dev/null)" || return 1
  stat="${stat##*) }" # the state letter follows the command name in parentheses
  [[ "${stat:0:1}" != Z ]]
}

# pid_is PID EXE: PID is alive and runs the program EXE. Symlinks are resolved on both sides
# (/usr/bin/redis-server is a link to redis-check-rdb), so a recycled pid of another program does not count.
pid_is() {
  local pid="$1" exe="$2" actual
  pid_alive "$pid" || return 1
  actual="$(readlink -f "/proc/$pid/exe" 2>/dev/null)" || return 1
  # A binary replaced by a package upgrade shows as "/path (deleted)": still the expected program.
  actual="${actual% (deleted)}"
  [[ "$actual" == "$(readlink -f "$exe")" ]]
}

# pidfile_read FILE: first line of FILE (postmaster.pid and redis pid files both start with the pid).
pidfile_read() {
  [[ -r "$1" ]] || return 1
  local pid
  IFS= read -r pid <"$1" || [[ -n "$pid" ]] || return 1
  printf '%s' "$pid"
}

# pidfile_check FILE EXE: echoes the pid and returns 0 when FILE names a live EXE process.
# Returns 1 when there is no pid file, 2 when the pid file is stale (process dead or another program).
pidfile_check() {
  local file="$1" exe="$2" pid
  [[ -e "$file" ]] || return 1
  pid="$(pidfile_read "$file")" || return 2
  if pid_is "$pid" "$exe"; then
    printf '%s' "$pid"
    return 0
  fi
  return 2
}

# pid_stop PID EXE [TIMEOUT]: SIGTERM, wait, then SIGKILL if it is still the same program.
pid_stop() {
  local pid="$1" exe="$2" timeout="${3:-10}"
  pid_is "$pid" "$exe" || return 0
  kill -TERM "$pid" 2>/dev/null || true
  if ! wait_for_cmd "$timeout" pid_gone "$pid" "$exe"; then
    warn "pid $pid did not stop within ${timeout}s; sending SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
    wait_for_cmd 5 pid_gone "$pid" "$exe" || return 1
  fi
}
pid_gone() { ! pid_is "$1" "$2"; }

# ---- servers -----------------------------------------------------------------------------------------------
# The start/stop/status steps that the infra/NAME.sh server scripts share. Such a script defines
#   running_pid: echoes the server pid; returns 0 running, 1 no pid file, 2 stale pid file
# (usually pidfile_check on its pid file) and a readiness check READY_CMD (a command, run without arguments).
# NAME is the server's name in messages and its script's name (infra/NAME.sh). The results of the *_begin
# functions are left in SERVER_PID (empty: not running) and SERVER_NOTE (", stale pid file removed" or empty),
# for the script to finish the line with step_end.
SERVER_PID=""
SERVER_NOTE=""

# log_header LOG TEXT: appends "==== TEXT <UTC time> ====" to LOG, so each start is easy to find in it.
log_header() { printf '\n==== %s %s ====\n' "$2" "$(date -u +%FT%TZ)" >>"$1"; }

# drop_env PREFIX: unsets the caller's environment variables named PREFIX*; for the subshell that execs a server
# which would read them as settings too (etcd reads ETCD_*, Mailpit MP_*).
drop_env() {
  local name
  for name in $(compgen -e); do
    [[ "$name" != "$1"* ]] || unset "$name"
  done
}

# server_start_begin NAME PIDFILE LOG READY_CMD NOT_READY [TIMEOUT]
# Begins "==> starting NAME ... ". When the server is running, waits up to TIMEOUT (DT_START_TIMEOUT) seconds
# for READY_CMD, fails with "NAME (running as pid N but NOT_READY)" if it never gets there, and sets SERVER_PID:
# the caller then prints "already running". Otherwise SERVER_PID is empty and a stale PIDFILE is removed.
# shellcheck disable=SC2034 # SERVER_NOTE is for the server scripts
server_start_begin() {
  local name="$1" pidfile="$2" log="$3" ready="$4" not_ready="$5" timeout="${6:-$DT_START_TIMEOUT}" rc=0
  SERVER_NOTE=""
  step_begin "starting $name"
  SERVER_PID="$(running_pid)" || rc=$?
  if ((rc == 0)); then
    wait_for_cmd --pid "$SERVER_PID" "$timeout" "$ready" ||
      fail_with_log "$name (running as pid $SERVER_PID but $not_ready)" "$log"
    return 0
  fi
  SERVER_PID=""
  if ((rc == 2)); then
    rm -f "$pidfile"
    SERVER_NOTE=", stale pid file removed"
  fi
}

# server_check_ports NAME PORT...: dies naming the process that holds a PORT already (most likely the same
# server of another checkout): the new server could not bind it.
server_check_ports() {
  local name="$1" port owner
  shift
  for port in "$@"; do
    owner="$(port_owner "$port")"
    [[ -z "$owner" ]] ||
      die "port $port is already in use by $owner; stop it (another checkout's infra/$name.sh stop?)"
  done
}

# server_launched NAME PID PIDFILE LOG READY_CMD WHAT: for a server just started in the background as PID
# (setsid ... &): writes PIDFILE and waits for READY_CMD; fails with "waiting for NAME (WHAT)" when the server
# exits or DT_START_TIMEOUT passes first.
server_launched() {
  local name="$1" pid="$2" pidfile="$3" log="$4" ready="$5" what="$6"
  printf '%s\n' "$pid" >"$pidfile"
  wait_for_cmd --pid "$pid" "$DT_START_TIMEOUT" "$ready" || fail_with_log "waiting for $name ($what)" "$log"
}

# server_stop_begin NAME PIDFILE: begins "==> stopping NAME ... " and sets SERVER_PID. When the server is not
# running, finishes the line ("not running", removing a stale PIDFILE) and leaves SERVER_PID empty.
server_stop_begin() {
  local name="$1" pidfile="$2" rc=0
  step_begin "stopping $name"
  SERVER_PID="$(running_pid)" || rc=$?
  case "$rc" in
    0) ;;
    2)
      rm -f "$pidfile"
      step_end "not running (stale pid file removed)"
      ;;
    *) step_end "not running" ;;
  esac
  ((rc == 0)) || SERVER_PID=""
}

# server_stop NAME PIDFILE LOG STOP_CMD [ARGS...]: the whole `stop` of a server: STOP_CMD PID ARGS... stops it
# (pid_stop PID EXE TIMEOUT, say), failing shows LOG; then PIDFILE is removed.
server_stop() {
  local name="$1" pidfile="$2" log="$3" stop_cmd="$4"
  shift 4
  server_stop_begin "$name" "$pidfile"
  [[ -n "$SERVER_PID" ]] || return 0
  "$stop_cmd" "$SERVER_PID" "$@" || fail_with_log "stopping $name (pid $SERVER_PID)" "$log"
  rm -f "$pidfile"
  step_end "stopped"
}

# server_status NAME LOG READY_CMD NOT_READY DETAILS [DETAILS_CMD]: the `status` of a server. Prints one line
# and returns 0 running and ready ("NAME: running (pid N, DETAILS)"; DETAILS_CMD PID, if given, prints more to
# append), 1 running but not ready, 3 stopped (the LSB status codes).
server_status() {
  local name="$1" log="$2" ready="$3" not_ready="$4" details="$5" details_cmd="${6:-}" pid rc=0
  pid="$(running_pid)" || rc=$?
  case "$rc" in
    0)
      if "$ready"; then
        # ${details_cmd:+...} runs DETAILS_CMD only when one was given.
        printf '%s: running (pid %s, %s%s)\n' "$name" "$pid" "$details" "${details_cmd:+$("$details_cmd" "$pid")}"
        return 0
      fi
      printf '%s: running (pid %s) but %s; see %s\n' "$name" "$pid" "$not_ready" "$(rel "$log")"
      return 1
      ;;
    2) printf '%s: stopped (stale pid file)\n' "$name" ;;
    *) printf '%s: stopped\n' "$name" ;;
  esac
  return 3
}

# cmd_restart: the `restart` of a server script, its cmd_stop then its cmd_start, so that a script's command
# dispatch reads: start | stop | restart | status) "cmd_$1" ;;
cmd_restart() {
  cmd_stop
  cmd_start
}

# ---- files and secrets -------------------------------------------------------------------------------------

ensure_var_dirs() {
  mkdir -p "$DT_LOG_DIR" "$DT_RUN_DIR" "$DT_SECRETS_DIR"
  chmod 700 "$DT_SECRETS_DIR"
}

# random_token: 32 characters of [A-Za-z0-9], so it is safe in URLs and config files without escaping.
# head reads a fixed amount first: `tr </dev/urandom | head` would die of SIGPIPE under pipefail.
random_token() {
  local token=""
  while ((${#token} < 32)); do
    token+="$(head -c 512 /dev/urandom | LC_ALL=C tr -dc 'A-Za-z0-9')"
  done
  printf '%s' "${token:0:32}"
}

# secret NAME: prints var/secrets/NAME.password, generating it (mode 600) on first use.
secret() {
  local file="$DT_SECRETS_DIR/$1.password"
  if [[ ! -s "$file" ]]; then
    ensure_var_dirs
    (
      umask 077
      random_token >"$file.tmp"
      mv -f "$file.tmp" "$file"
    )
  fi
  chmod 600 "$file"
  cat "$file"
}

# secret_exists NAME
secret_exists() { [[ -s "$DT_SECRETS_DIR/$1.password" ]]; }
