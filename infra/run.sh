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
info "web app:        http://127.0.0.1:28080/ (through the gateway, when built)"
info "demo users:     learner / Learner-demo-1, admin / Admin-demo-1 (demo only; docs/identity.md)"
info "mail catcher:   http://127.0.0.1:28025/ (every e-mail the platform sends lands here)"
info "Keycloak admin: http://127.0.0.1:28180/admin/ as kcadmin, password: cat var/secrets/keycloak-admin.password"
info "full URLs with passwords: infra/postgres.sh url, infra/redis.sh url; logs: var/log/"
