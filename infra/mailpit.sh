#!/usr/bin/env bash
# Project-local Mailpit (SMTP catcher with a web UI and an HTTP API):
#   infra/mailpit.sh {start|stop|status|restart|url|smtp}
#
# SMTP on 127.0.0.1:21025 (any AUTH accepted, nothing relayed), web UI + API on http://127.0.0.1:28025, messages
# in a SQLite database var/mailpit/mailpit.db (the newest 5000 kept), log in var/log/mailpit.log, pid in
# var/run/mailpit.pid. No update checks, no reverse DNS, no remote CSS/fonts: it never leaves the machine.
#
# Built from source on the first start into var/tools/bin/mailpit with the machine's Go (>= MAILPIT_GO_MIN)
# and Node.js/npm: the Go module (Go module proxy, cached in ~/go/pkg/mod) does not hold the web UI's bundle,
# so its UI is built with esbuild from the npm registry (cached in ~/.npm) before `go build` embeds it.
# A binary that reports MAILPIT_VERSION is kept; change the version below to rebuild.
set -euo pipefail
# shellcheck source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

MAILPIT_MODULE=github.com/axllent/mailpit
MAILPIT_VERSION=v1.27.11
# The `go` directive of Mailpit's go.mod at MAILPIT_VERSION.
MAILPIT_GO_MIN=1.24.3
MAILPIT_HOST=127.0.0.1
MAILPIT_SMTP_PORT=21025
MAILPIT_HTTP_PORT=28025
MAILPIT_URL="http://$MAILPIT_HOST:$MAILPIT_HTTP_PORT"
MAILPIT_SMTP_URL="smtp://$MAILPIT_HOST:$MAILPIT_SMTP_PORT"
MAILPIT_MAX_MESSAGES=5000
MAILPIT_BIN="$DT_VAR/tools/bin/mailpit"
MAILPIT_BUILD_DIR="$DT_VAR/tools/mailpit-build"
MAILPIT_DIR="$DT_VAR/mailpit"
MAILPIT_LOG="$DT_LOG_DIR/mailpit.log"
MAILPIT_PIDFILE="$DT_RUN_DIR/mailpit.pid"

# ---- install -----------------------------------------------------------------------------------------------

# installed_version: the version the binary reports ("mailpit v1.27.11 compiled with go1.26.8 on linux/amd64").
# --no-release-check keeps it off the network.
installed_version() {
  [[ -x "$MAILPIT_BIN" ]] || return 0
  "$MAILPIT_BIN" version --no-release-check 2>/dev/null | awk 'NR == 1 { print $2 }'
}

# require_go: the machine's Go (Debian's golang-go 1.19 is too old for Mailpit). GOTOOLCHAIN=local: a Go that is
# too old fails here with this message instead of fetching a newer toolchain by itself.
require_go() {
  command -v go >/dev/null ||
    die "go not found: Mailpit is built with the machine's Go (>= $MAILPIT_GO_MIN, e.g. /usr/local/go/bin on PATH);" \
      "Debian's golang-go is too old"
  local have
  have="$(GOTOOLCHAIN=local go env GOVERSION)"
  have="${have#go}"
  [[ "$(printf '%s\n%s\n' "$MAILPIT_GO_MIN" "$have" | sort -V | head -n 1)" == "$MAILPIT_GO_MIN" ]] ||
    die "Mailpit $MAILPIT_VERSION needs Go >= $MAILPIT_GO_MIN; $(command -v go) is $have"
  command -v npm >/dev/null || die "npm not found: Mailpit's web UI is built with the machine's Node.js and npm"
}

# build_mailpit: module source from the Go proxy -> writable copy -> UI bundle (npm ci + esbuild) -> go build.
build_mailpit() {
  require_go
  export GOTOOLCHAIN=local GOFLAGS=-buildvcs=false CGO_ENABLED=0
  local src
  src="$(go mod download -json "$MAILPIT_MODULE@$MAILPIT_VERSION" 2>>"$MAILPIT_LOG" | jq -r '.Dir // empty')" ||
    fail_with_log "downloading $MAILPIT_MODULE@$MAILPIT_VERSION" "$MAILPIT_LOG"
  [[ -d "$src" ]] || fail_with_log "downloading $MAILPIT_MODULE@$MAILPIT_VERSION (no source dir)" "$MAILPIT_LOG"
  rm -rf "$MAILPIT_BUILD_DIR"
  mkdir -p "$(dirname "$MAILPIT_BUILD_DIR")" "$(dirname "$MAILPIT_BIN")"
  cp -R "$src" "$MAILPIT_BUILD_DIR"
  chmod -R u+w "$MAILPIT_BUILD_DIR" # the module cache is read-only
  # No install scripts: esbuild finds its binary in its @esbuild/<platform> package without them.
  (
    cd "$MAILPIT_BUILD_DIR"
    npm ci --prefer-offline --ignore-scripts --no-audit --no-fund --loglevel=error
    MINIFY=true node esbuild.config.mjs
    go build -trimpath -ldflags "-s -w -X $MAILPIT_MODULE/config.Version=$MAILPIT_VERSION" -o "$MAILPIT_BIN.tmp" .
  ) </dev/null >>"$MAILPIT_LOG" 2>&1 || fail_with_log "building mailpit $MAILPIT_VERSION" "$MAILPIT_LOG"
  mv -f "$MAILPIT_BIN.tmp" "$MAILPIT_BIN"
  rm -rf "$MAILPIT_BUILD_DIR"
}

ensure_mailpit() {
  [[ "$(installed_version)" == "$MAILPIT_VERSION" ]] && return 0
  info "building mailpit $MAILPIT_VERSION (Go module proxy + npm, cached; a few minutes the first time)"
  log_header "$MAILPIT_LOG" "mailpit build $MAILPIT_VERSION"
  build_mailpit
  [[ "$(installed_version)" == "$MAILPIT_VERSION" ]] ||
    fail_with_log "building mailpit (the binary reports '$(installed_version)')" "$MAILPIT_LOG"
}

# ---- server ------------------------------------------------------------------------------------------------

# /readyz answers 200 once the HTTP server is up; the SMTP listener starts just before it.
mailpit_ready() {
  curl -fsS --max-time 2 -o /dev/null "$MAILPIT_URL/readyz" && port_open "$MAILPIT_HOST" "$MAILPIT_SMTP_PORT"
}

# running_pid: echoes the server pid; returns 0 running, 1 no pid file, 2 stale pid file (the server_* steps
# of lib.sh call it too).
running_pid() { pidfile_check "$MAILPIT_PIDFILE" "$MAILPIT_BIN"; }

cmd_start() {
  server_start_begin mailpit "$MAILPIT_PIDFILE" "$MAILPIT_LOG" mailpit_ready "not ready"
  if [[ -n "$SERVER_PID" ]]; then
    step_end "already running (pid $SERVER_PID, $MAILPIT_URL)"
    return 0
  fi
  server_check_ports mailpit "$MAILPIT_SMTP_PORT" "$MAILPIT_HTTP_PORT"

  ensure_var_dirs
  ensure_mailpit
  mkdir -p "$MAILPIT_DIR"
  chmod 700 "$MAILPIT_DIR"
  log_header "$MAILPIT_LOG" "mailpit start"
  # Mailpit stays in the foreground: it runs detached in its own session (setsid execs it in place, so $! is
  # mailpit's pid). Every setting is a flag; MP_* variables of the caller's environment are dropped, since
  # Mailpit would read them as settings too.
  (
    drop_env MP_
    exec setsid "$MAILPIT_BIN" \
      --database "$MAILPIT_DIR/mailpit.db" \
      --max "$MAILPIT_MAX_MESSAGES" \
      --listen "$MAILPIT_HOST:$MAILPIT_HTTP_PORT" \
      --smtp "$MAILPIT_HOST:$MAILPIT_SMTP_PORT" \
      --smtp-auth-accept-any \
      --smtp-auth-allow-insecure \
      --smtp-disable-rdns \
      --disable-version-check \
      --block-remote-css-and-fonts \
      --label drivetest \
      </dev/null >>"$MAILPIT_LOG" 2>&1
  ) &
  server_launched mailpit "$!" "$MAILPIT_PIDFILE" "$MAILPIT_LOG" mailpit_ready "/readyz and SMTP"
  step_end "ready ($MAILPIT_URL, $MAILPIT_SMTP_URL$SERVER_NOTE)"
}

# SIGTERM is Mailpit's graceful stop (it closes the database).
cmd_stop() { server_stop mailpit "$MAILPIT_PIDFILE" "$MAILPIT_LOG" pid_stop "$MAILPIT_BIN" 10; }

cmd_status() { server_status mailpit "$MAILPIT_LOG" mailpit_ready "not ready" "$MAILPIT_URL, $MAILPIT_SMTP_URL"; }

case "${1:-}" in
  start | stop | restart | status) "cmd_$1" ;;
  url) printf '%s\n' "$MAILPIT_URL" ;;
  smtp) printf '%s\n' "$MAILPIT_SMTP_URL" ;;
  *)
    printf 'usage: %s {start|stop|status|restart|url|smtp}\n' "$0" >&2
    exit 2
    ;;
esac
