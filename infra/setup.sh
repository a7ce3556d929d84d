#!/usr/bin/env bash
# Installs the Debian packages listed in infra/packages.txt that are missing. Idempotent, and fast when
# nothing is missing (one dpkg-query call, no apt). apt output goes to var/log/setup.log.
set -euo pipefail
# shellcheck source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

PACKAGES_FILE="$DT_ROOT/infra/packages.txt"
SETUP_LOG="$DT_LOG_DIR/setup.log"

# Package names: comments and blank lines dropped.
mapfile -t packages < <(sed -e 's/#.*//' -e 's/[[:space:]]//g' -e '/^$/d' "$PACKAGES_FILE")

# Status of every listed package in one call; packages dpkg has never heard of are simply absent from the
# output (dpkg-query then complains on stderr and exits 1, which is expected here).
declare -A installed=()
# db:Status-Status is the state word alone ("installed", "config-files", ...), whatever the selection is.
while read -r name state; do
  if [[ "$state" == installed ]]; then installed[$name]=1; fi
done < <(dpkg-query -W -f='${Package} ${db:Status-Status}\n' "${packages[@]}" 2>/dev/null || true)

missing=()
for pkg in "${packages[@]}"; do
  [[ -n "${installed[$pkg]:-}" ]] || missing+=("$pkg")
done

step_begin "installing packages"
if ((${#missing[@]} == 0)); then
  step_end "all ${#packages[@]} present"
  exit 0
fi
step_end "missing: ${missing[*]}"
info "apt output goes to $(rel "$SETUP_LOG")"

SUDO=()
if ((EUID != 0)); then
  command -v sudo >/dev/null || die "not root and no sudo: install as root: apt-get install ${missing[*]}"
  SUDO=(sudo env DEBIAN_FRONTEND=noninteractive)
fi

# Debian's postgresql, redis-server and nginx packages start their own system services on install
# (5432, 6379, and nginx on 0.0.0.0:80). We never use them, and nothing here may listen beyond 127.0.0.1,
# so forbid service starts for the duration of the install with the standard policy-rc.d hook (exit 101 =
# "action forbidden"). An existing policy-rc.d (Docker images ship one) is left alone.
POLICY=/usr/sbin/policy-rc.d
if [[ ! -e "$POLICY" ]]; then
  "${SUDO[@]}" sh -c "printf '#!/bin/sh\n# temporary, from DriveTest infra/setup.sh\nexit 101\n' >$POLICY && chmod 755 $POLICY"
  trap '"${SUDO[@]}" rm -f "$POLICY"' EXIT
fi

ensure_var_dirs
export DEBIAN_FRONTEND=noninteractive
APT_OPTS=(-o DPkg::Lock::Timeout=300 -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold)
{
  printf '\n==== %s: apt-get install %s ====\n' "$(date -u +%FT%TZ)" "${missing[*]}"
  "${SUDO[@]}" apt-get "${APT_OPTS[@]}" update
  "${SUDO[@]}" apt-get "${APT_OPTS[@]}" install -y --no-install-recommends "${missing[@]}"
} </dev/null >>"$SETUP_LOG" 2>&1 || fail_with_log "installing packages" "$SETUP_LOG"
step "packages installed"
