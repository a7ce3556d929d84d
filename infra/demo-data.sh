#!/usr/bin/env bash
# Loads the Catalog's demo data (services/catalog/data) for `make run`: draws the road-sign and diagram images
# into var/media, and imports the three banks through the Catalog's import path (idempotent: a second run
# reports everything unchanged), and uploads the images to the object store. Needs the servers running and the
# build done.
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

# The demo images go to the public media bucket under their keys ("signs/vn/p-101.png"), where the web app loads
# them from. curl signs each PUT with SigV4; an object already stored with the same size is skipped.
step_begin "uploading demo images to object storage"
[[ -n "${DT_S3_URL:-}" && -n "${DT_S3_ACCESS_KEY:-}" ]] || die "object storage is not running (infra/seaweedfs.sh start)"
uploaded=0 kept=0
while IFS= read -r -d '' file; do
  key="${file#var/media/}"
  case "$file" in
    *.png) type=image/png ;;
    *) continue ;; # the SVG sources stay local: only the rendered PNGs are served
  esac
  url="$DT_S3_URL/drivetest-media/$key"
  size="$(stat -c %s "$file")"
  remote="$(curl -sfI --aws-sigv4 "aws:amz:us-east-1:s3" --user "$DT_S3_ACCESS_KEY:$DT_S3_SECRET_KEY" "$url" |
    tr -d '\r' | awk -F': ' 'tolower($1) == "content-length" { print $2 }')" || remote=""
  if [[ "$remote" == "$size" ]]; then
    kept=$((kept + 1))
    continue
  fi
  curl -sf --aws-sigv4 "aws:amz:us-east-1:s3" --user "$DT_S3_ACCESS_KEY:$DT_S3_SECRET_KEY" \
    -H "Content-Type: $type" -T "$file" "$url" >>"$log" 2>&1 || fail_with_log "uploading $key" "$log"
  uploaded=$((uploaded + 1))
done < <(find var/media -type f -print0 | sort -z)
step_end "done ($uploaded uploaded, $kept already there)"
