#!/usr/bin/env bash
# The web app (web/, React + TypeScript + Vite):
#   infra/web.sh build      install dependencies if needed, type check and build web/dist (skipped when unchanged)
#   infra/web.sh test       formatting (Prettier), Vitest component tests, then the bundle-size budget
#   infra/web.sh e2e [ARGS] Playwright end-to-end tests (tests/e2e) with Debian's chromium against the running
#                           stack at DT_E2E_BASE_URL (default http://127.0.0.1:28080); ARGS go to `playwright test`
#   infra/web.sh size       gzipped size of the learner path's JavaScript (fails above 250 KB)
#   infra/web.sh fcp [URL]  first contentful paint of the home page in headless chromium (median of 15 loads)
# Dependencies come from web/package-lock.json through `npm ci --prefer-offline` (the npm cache makes later
# installs offline), re-run only when the lock file changed. No browser is ever downloaded.
set -euo pipefail
# shellcheck source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

WEB="$DT_ROOT/web"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
export DT_CHROMIUM="${DT_CHROMIUM:-/usr/bin/chromium}"
ensure_var_dirs
log="$DT_LOG_DIR/web.log"

hash_of() { sha256sum "$@" | sha256sum | cut -c1-64; }

# Every input of the build, hashed: sources, static files, configuration, the lock file.
sources_hash() {
  (cd "$WEB" && find src public index.html package.json package-lock.json tsconfig.json vite.config.ts -type f -print0 |
    sort -z | xargs -0 sha256sum | sha256sum | cut -c1-64)
}

ensure_deps() {
  command -v npm >/dev/null || die "npm not found: the web app needs Node.js 20.19+ and npm"
  local stamp="$WEB/node_modules/.package-lock.sha256" want
  want="$(hash_of "$WEB/package-lock.json")"
  if [[ -f "$stamp" && "$(cat "$stamp")" == "$want" ]]; then return 0; fi
  step_begin "installing web dependencies (npm ci)"
  (cd "$WEB" && npm ci --prefer-offline --no-audit --no-fund) >>"$log" 2>&1 ||
    fail_with_log "installing web dependencies" "$log"
  printf '%s\n' "$want" >"$stamp"
  step_end "done"
}

cmd_build() {
  ensure_deps
  local stamp="$WEB/dist/.sources.sha256" want
  want="$(sources_hash)"
  if [[ -f "$WEB/dist/index.html" && -f "$stamp" && "$(cat "$stamp")" == "$want" ]]; then
    step "building the web app (web/dist) ... up to date"
    return 0
  fi
  step_begin "building the web app (web/dist)"
  (cd "$WEB" && npm run --silent build) >"$log" 2>&1 || fail_with_log "building the web app" "$log"
  printf '%s\n' "$want" >"$stamp"
  step_end "done ($(du -sh "$WEB/dist" | cut -f1))"
}

cmd_size() {
  cmd_build
  node "$WEB/scripts/bundle-size.mjs" "$WEB/dist"
}

cmd_test() {
  ensure_deps
  step "web formatting (Prettier; npm run format fixes it)"
  (cd "$WEB" && npm run --silent format-check)
  step "web component tests (Vitest)"
  (cd "$WEB" && npx vitest run)
  cmd_size
}

cmd_e2e() {
  ensure_deps
  [[ -x "$DT_CHROMIUM" ]] || die "$DT_CHROMIUM not found: apt-get install -y chromium (infra/packages.txt)"
  step "web end-to-end tests (Playwright, $DT_CHROMIUM) against ${DT_E2E_BASE_URL:-http://127.0.0.1:28080}"
  # The specs live in tests/e2e; NODE_PATH lets them resolve @playwright/test from web/node_modules.
  (cd "$WEB" && NODE_PATH="$WEB/node_modules" npx playwright test -c "$DT_ROOT/tests/e2e/playwright.config.ts" "$@")
}

cmd_fcp() {
  ensure_deps
  node "$WEB/scripts/fcp.mjs" "${1:-${DT_E2E_BASE_URL:-http://127.0.0.1:28080}/}"
}

case "${1:-}" in
  build) cmd_build ;;
  test) cmd_test ;;
  e2e) shift && cmd_e2e "$@" ;;
  size) cmd_size ;;
  fcp) shift && cmd_fcp "$@" ;;
  *)
    printf 'usage: %s {build|test|e2e [playwright args]|size|fcp [URL]}\n' "$0" >&2
    exit 2
    ;;
esac
