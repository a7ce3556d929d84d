#!/usr/bin/env bash
# Starts, stops and reports the third-party servers the project runs locally:
#   infra/infra.sh {start|stop|status|urls}
# Each server NAME has its own infra/NAME.sh with start|stop|status|url. Adding one (kafka, keycloak,
# seaweedfs, etcd, a mail catcher...) = write infra/NAME.sh and add NAME below (and, if tests need its URL,
# a line in infra/env.sh).
set -euo pipefail
# shellcheck source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# Start order; stop runs in reverse.
SERVERS=(postgres redis mailpit etcd keycloak kafka seaweedfs)

server() { "$DT_ROOT/infra/$1.sh" "${@:2}"; }

cmd_start() {
  local name
  for name in "${SERVERS[@]}"; do
    server "$name" start
  done
}

# Stops everything even if one fails, then reports failure.
cmd_stop() {
  local i rc=0
  for ((i = ${#SERVERS[@]} - 1; i >= 0; i--)); do
    server "${SERVERS[i]}" stop || rc=1
  done
  return "$rc"
}

cmd_status() {
  local name rc=0
  for name in "${SERVERS[@]}"; do
    server "$name" status || rc=1
  done
  return "$rc"
}

# One line per running server, the password masked (the full URL: infra/NAME.sh url).
cmd_urls() {
  local name url
  for name in "${SERVERS[@]}"; do
    server "$name" status >/dev/null 2>&1 || continue
    url="$(server "$name" url)"
    # scheme://user:password@host -> scheme://user:***@host
    printf '    %-12s %s\n' "$name" "$(printf '%s' "$url" | sed -E 's#^([a-z]+://[^:/@]*):[^@]*@#\1:***@#')"
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
