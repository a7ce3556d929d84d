# shellcheck shell=bash
# Counting checks for the shell tests of this folder: source it, call check/pass/fail, end with finish, which
# prints "N passed, N failed" and exits non-zero when anything failed.
passed=0
failed=0
pass() {
  passed=$((passed + 1))
  printf 'ok   %s\n' "$1"
}
fail() {
  failed=$((failed + 1))
  printf 'FAIL %s\n' "$1"
  [[ -z "${2:-}" ]] || printf '     %s\n' "$2"
}
# check NAME CMD...: pass when CMD succeeds.
check() {
  local name="$1"
  shift
  if "$@"; then pass "$name"; else fail "$name" "command: $*"; fi
}
finish() {
  printf '%d passed, %d failed\n' "$passed" "$failed"
  ((failed == 0))
  exit
}
