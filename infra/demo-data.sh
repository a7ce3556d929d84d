#!/usr/bin/env bash
# Loads the Catalog's demo data (services/catalog/data) for `make run`: draws the road-sign and diagram images
# into var/media, and imports the three banks through the Catalog's import path (idempotent: a second run
# reports everything unchanged). Needs PostgreSQL and Redis running and the build done.
set -euo pipefail
# shellcheck source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ensure_var_dirs
cd "$DT_ROOT"
# shellcheck source=env.sh
. infra/env.sh
log="$DT_LOG_DIR/demo-data.log"
: >"$log"

step_begin "drawing demo images"
python3 services/catalog/data/tools/draw_signs.py var/media >>"$log" 2>&1 || fail_with_log "drawing demo images" "$log"
step_end "done (var/media)"

step_begin "loading demo question banks"
build/services/catalog/catalog-import services/catalog/data/vn-bank.json services/catalog/data/uk-bank.json \
  services/catalog/data/de-bank.json >>"$log" 2>&1 || fail_with_log "loading demo question banks" "$log"
step_end "done (summary in $(rel "$log"))"
