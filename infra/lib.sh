# shellcheck shell=bash
# Shared helpers for the infra/ scripts. Source it, do not run it:
#   . "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
# It sets DT_ROOT (repo root) and the var/ layout, and defines small helpers for logging steps,
# waiting with a timeout, generating secrets and handling pid files.

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
