#!/usr/bin/env bash
# File service benchmark, in one run against a running File service (make run) and the local object store:
#   1. upload throughput (MB/s) of 1 MiB and 20 MiB files, one at a time, through the File service
#      (POST /api/files, raw body, private) versus a direct SigV4 PUT of the same files to the object store
#      with curl, alternating, each file distinct (the service would store a repeated one only once);
#   2. the service's RSS (sampled every 50 ms from /proc) while CONCURRENT 20 MiB uploads run at once.
# The admin token comes from Keycloak's demo admin (password grant of the drivetest-tests client).
# Usage: tests/load/files.sh [rounds] [concurrent]    Results go to stdout; the files to var/bench/files.
# Environment: DT_FILE_URL (default http://127.0.0.1:28084), DT_FILE_PID (default from var/run/file.pid), and
# what infra/env.sh exports (DT_S3_URL, DT_S3_ACCESS_KEY, DT_S3_SECRET_KEY, DT_KEYCLOAK_URL).
set -euo pipefail
cd "$(dirname "$0")/../.."
# shellcheck source=infra/env.sh
. infra/env.sh
rounds=${1:-3}
concurrent=${2:-8}
url=${DT_FILE_URL:-http://127.0.0.1:28084}
pid=${DT_FILE_PID:-$(cat var/run/file.pid)}
work=var/bench/files
rm -rf "$work" && mkdir -p "$work"
: "${DT_S3_URL:?start the object store (infra/seaweedfs.sh start) and source infra/env.sh}"
: "${DT_KEYCLOAK_URL:?start Keycloak (infra/keycloak.sh start)}"

token=$(curl -fsS "$DT_KEYCLOAK_URL/realms/drivetest/protocol/openid-connect/token" \
  -d grant_type=password -d client_id=drivetest-tests -d scope=openid -d username=admin -d password=Admin-demo-1 |
  jq -r .access_token)
auth=(-H "Authorization: Bearer $token")
# The object store's credentials in a curl config file (not on command lines, where `ps` shows them).
(umask 077 && printf 'user = "%s:%s"\n' "$DT_S3_ACCESS_KEY" "$DT_S3_SECRET_KEY" >"$work/s3.conf")
s3=(--aws-sigv4 aws:amz:us-east-1:s3 -K "$work/s3.conf")
bench_prefix="bench-$(date +%s)"

# make_file NAME MIB: a PNG signature and header, then random bytes: a distinct, acceptable image.
make_file() {
  {
    printf '\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR\x00\x00\x02\x80\x00\x00\x01\xe0\x08\x06\x00\x00\x00\x00\x00\x00\x00'
    head -c $(($2 * 1024 * 1024 - 33)) /dev/urandom
  } >"$work/$1"
}

# seconds COMMAND...: wall time of COMMAND in seconds (3 decimals).
seconds() {
  local start end
  start=$(date +%s.%N)
  "$@" >/dev/null
  end=$(date +%s.%N)
  echo "$start $end" | awk '{printf "%.3f", $2 - $1}'
}

via_service() {  # files...
  local f
  for f in "$@"; do
    curl -fsS "${auth[@]}" -H 'Content-Type: application/octet-stream' --data-binary "@$work/$f" \
      "$url/api/files?visibility=private&name=$f" >>"$work/uploaded.json"
    echo >>"$work/uploaded.json"
  done
}

direct_put() {  # files...
  local f
  for f in "$@"; do
    curl -fsS -o /dev/null "${s3[@]}" -H "x-amz-content-sha256: UNSIGNED-PAYLOAD" -T "$work/$f" \
      "$DT_S3_URL/drivetest-private/$bench_prefix/$f"
  done
}

mbps() { awk -v bytes="$1" -v s="$2" 'BEGIN {printf "%.1f", bytes / 1048576 / s}'; }

echo "| round | file size | files | File service MB/s | direct PUT MB/s | service / direct |"
echo "|---|---|---|---|---|---|"
for round in $(seq 1 "$rounds"); do
  for size in 1 20; do
    count=$((size == 1 ? 20 : 5))
    files=()
    for i in $(seq 1 "$count"); do
      make_file "s$round-$size-$i" "$size"
      make_file "d$round-$size-$i" "$size"
      files+=("$round-$size-$i")
    done
    service_s=$(seconds via_service "${files[@]/#/s}")
    direct_s=$(seconds direct_put "${files[@]/#/d}")
    bytes=$((count * size * 1024 * 1024))
    printf '| %s | %s MiB | %s | %s | %s | %s |\n' "$round" "$size" "$count" "$(mbps $bytes "$service_s")" \
      "$(mbps $bytes "$direct_s")" "$(awk -v a="$service_s" -v b="$direct_s" 'BEGIN {printf "%.2f", b / a}')"
    rm -f "$work/s$round-$size-"* "$work/d$round-$size-"*
  done
done

echo
rss() { awk '/^VmRSS/ {print $2}' "/proc/$pid/status"; }
before=$(rss)
for i in $(seq 1 "$concurrent"); do make_file "c$i" 20; done
peak=$before
start=$(date +%s.%N)
for i in $(seq 1 "$concurrent"); do via_service "c$i" & done
while [[ -n "$(jobs -r)" ]]; do
  now=$(rss)
  ((now > peak)) && peak=$now
  sleep 0.05
done
wait
end=$(date +%s.%N)
after=$(rss)
echo "| concurrent 20 MiB uploads | wall time | aggregate MB/s | RSS before | peak RSS | RSS after |"
echo "|---|---|---|---|---|---|"
printf '| %s | %.2f s | %s | %s MiB | %s MiB | %s MiB |\n' "$concurrent" "$(echo "$start $end" | awk '{print $2 - $1}')" \
  "$(mbps $((concurrent * 20 * 1048576)) "$(echo "$start $end" | awk '{print $2 - $1}')")" \
  $((before / 1024)) $((peak / 1024)) $((after / 1024))

# What the run stored: its files in the service (deleted through the API, which asks the Catalog first) and its
# direct PUTs.
jq -r '.sha256 // empty' "$work/uploaded.json" | sort -u |
  while read -r sha; do curl -fsS -o /dev/null -X DELETE "${auth[@]}" "$url/api/files/$sha" || true; done
curl -fsS "${s3[@]}" "$DT_S3_URL/drivetest-private?list-type=2&prefix=$bench_prefix%2F" |
  grep -o "<Key>[^<]*</Key>" | sed 's/<[^>]*>//g' |
  while read -r key; do curl -fsS -o /dev/null "${s3[@]}" -X DELETE "$DT_S3_URL/drivetest-private/$key"; done
rm -rf "$work"
