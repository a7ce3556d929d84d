#!/usr/bin/env bash
# `make run` after the build: starts the third-party servers and the project's services, then lists where
# everything is. Stop it all with `make stop`.
set -euo pipefail
# shellcheck source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

"$DT_ROOT/infra/infra.sh" start
"$DT_ROOT/infra/demo-data.sh"
"$DT_ROOT/infra/services.sh" start

step "DriveTest is running (stop it with: make stop)"
"$DT_ROOT/infra/infra.sh" urls
"$DT_ROOT/infra/services.sh" urls
info "full URLs with passwords: infra/postgres.sh url, infra/redis.sh url; logs: var/log/"
