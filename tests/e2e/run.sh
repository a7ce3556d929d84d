#!/usr/bin/env bash
# The web app's end-to-end tests against the whole stack (ctest web_e2e, label e2e):
#   tests/e2e/run.sh [playwright args...]       e.g. tests/e2e/run.sh exam.spec.ts
# Starts what is not running: the local servers (infra/infra.sh start), then the services of
# infra/services.list (infra/services.sh start, binaries from build/), loads the demo banks when the Catalog has
# none, builds web/dist when it changed, checks that the gateway serves the app and the API at
# DT_E2E_BASE_URL (default http://127.0.0.1:28080), and runs Playwright (infra/web.sh e2e) with Debian's chromium.
# Screenshots of the main pages go to artifacts/screenshots, failures' traces to artifacts/e2e (git-ignored).
set -euo pipefail
# shellcheck source=../../infra/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/../../infra/lib.sh"
cd "$DT_ROOT"

base="${DT_E2E_BASE_URL:-http://127.0.0.1:28080}"
export DT_E2E_BASE_URL="$base"

grep -Eq '^gateway[[:space:]]' infra/services.list ||
  die "the gateway is not in infra/services.list: the end-to-end tests need the whole stack behind it at $base"

infra/infra.sh start
infra/services.sh start

if ! curl -fsS --max-time 5 "$base/api/catalog/jurisdictions" | grep -q '"code":"vn"'; then
  infra/demo-data.sh
fi
infra/web.sh build
# Each run registers users: forget the gateway's registration buckets of earlier runs (loopback is one address),
# so that running the suite twice within the hour does not meet the per-address limit.
infra/redis.sh cli --scan --pattern 'dt:gateway:rl:account-register:*' | while read -r key; do
  infra/redis.sh cli del "$key" >/dev/null
done

step_begin "checking the gateway at $base"
curl -fsS --max-time 5 -o /dev/null "$base/health/ready" ||
  die "the gateway does not answer at $base/health/ready (infra/services.sh status; var/log/gateway.log)"
curl -fsS --max-time 5 "$base/" | grep -q '<div id="root">' ||
  die "the gateway at $base does not serve the web app (web/dist)"
curl -fsS --max-time 5 "$base/api/catalog/jurisdictions" | grep -q '"code":"vn"' ||
  die "the gateway at $base does not reach the Catalog, or the demo banks are not loaded"
step_end "ready"

infra/web.sh e2e "$@"
