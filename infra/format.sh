#!/usr/bin/env bash
# clang-format over the C++ sources (.clang-format at the root):  infra/format.sh {fix|check}
set -euo pipefail
# shellcheck source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$DT_ROOT"

dirs=()
for d in libs services bench tests; do
  if [[ -d "$d" ]]; then dirs+=("$d"); fi
done
((${#dirs[@]})) || exit 0

files() { find "${dirs[@]}" -type f \( -name '*.cpp' -o -name '*.hpp' \) -print0; }
case "${1:-}" in
  fix) files | xargs -0r clang-format -i ;;
  check)
    files | xargs -0r clang-format --dry-run --Werror ||
      die "formatting differs (shown above): run make format"
    ;;
  *)
    printf 'usage: %s {fix|check}\n' "$0" >&2
    exit 2
    ;;
esac
