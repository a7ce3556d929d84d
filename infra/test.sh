#!/usr/bin/env bash
# Runs the tests of a built tree against the local servers (which must be started: infra/infra.sh start):
#   infra/test.sh BUILD_DIR [extra ctest args...]
# Output is shown and kept in var/log/test.log (var/log/test-asan.log for build-asan).
set -euo pipefail
# shellcheck source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

build_dir="${1:?usage: infra/test.sh BUILD_DIR [ctest args...]}"
shift
log="$DT_LOG_DIR/test${build_dir#build}.log"
ensure_var_dirs
cd "$DT_ROOT"

# DT_PG_URL, DT_REDIS_URL, DT_SOURCE_DIR for the tests.
# shellcheck source=env.sh
. infra/env.sh
step "testing ($build_dir)"
ctest --test-dir "$build_dir" --output-on-failure -j2 "$@" 2>&1 | tee "$log" ||
  fail_with_log "testing ($build_dir)" "$log" notail
