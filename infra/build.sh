#!/usr/bin/env bash
# Configures (only when BUILD_DIR/build.ninja is missing) and builds the C++ tree:
#   infra/build.sh BUILD_DIR [extra cmake -D options for the first configure...]
# Output is shown and kept in var/log/BUILD_DIR.log (var/log/build.log for the default tree).
# DT_BUILD_JOBS=N limits parallel compile jobs (ninja's default is cores + 2).
set -euo pipefail
# shellcheck source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

build_dir="${1:?usage: infra/build.sh BUILD_DIR [cmake options...]}"
shift
log="$DT_LOG_DIR/$build_dir.log"
ensure_var_dirs
cd "$DT_ROOT"

step "building ($build_dir)"
# (set -e does not apply inside a function called from `||`, hence the explicit returns.)
build() {
  if [[ ! -f "$build_dir/build.ninja" ]]; then
    cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" || return
  fi
  cmake --build "$build_dir" ${DT_BUILD_JOBS:+-j "$DT_BUILD_JOBS"}
}
build "$@" 2>&1 | tee "$log" || fail_with_log "building ($build_dir)" "$log" notail
# The web app (web/dist, which the gateway serves) goes with the default tree; skipped when nothing changed.
if [[ "$build_dir" == build ]]; then "$DT_ROOT/infra/web.sh" build; fi
