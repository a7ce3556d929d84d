#!/usr/bin/env bash
# Foundation benchmark: the kit server (whole middleware chain, access log on) versus nginx serving the same
# bytes as a static file (access log on), both on 2 threads/workers, wrk -t2 -c64 on loopback, one run.
# Usage: bench/http_vs_nginx.sh [duration-seconds]   (after `make build`)
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-15}
work=var/bench/http
mkdir -p "$work/www/bench" var/log
body='{"status":"ok","service":"drivetest","version":1}'
printf '%s' "$body" > "$work/www/bench/json"
rm -f "$work/nginx-access.log" "$work/kit-access.log"

cat > "$work/nginx.conf" <<NGINX
worker_processes 2;
pid $PWD/$work/nginx.pid;
error_log $PWD/$work/nginx-error.log warn;
events { worker_connections 4096; }
http {
  access_log $PWD/$work/nginx-access.log;
  sendfile on;
  tcp_nodelay on;
  keepalive_requests 1000000;
  default_type application/json;
  server {
    listen 127.0.0.1:18081;
    root $PWD/$work/www;
  }
}
NGINX

cleanup() {
  [[ -n "${kit_pid:-}" ]] && kill "$kit_pid" 2>/dev/null || true
  [[ -f "$work/nginx.pid" ]] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
}
trap cleanup EXIT

DT_HTTP_PORT=18080 DT_THREADS=2 DT_LOG_LEVEL=info "${DT_BENCH_BUILD:-build}"/bench/kit_server/dt_kit_bench_server \
  > "$work/kit-access.log" 2>&1 &
kit_pid=$!
nginx -c "$PWD/$work/nginx.conf"
for _ in $(seq 50); do
  curl -fs http://127.0.0.1:18080/bench/json >/dev/null && curl -fs http://127.0.0.1:18081/bench/json >/dev/null && break
  sleep 0.1
done
[[ "$(curl -fs http://127.0.0.1:18080/bench/json)" == "$(curl -fs http://127.0.0.1:18081/bench/json)" ]] \
  || { echo "the two servers do not serve the same bytes" >&2; exit 1; }

run_wrk() {  # name url
  wrk -t2 -c64 -d"${duration}s" --latency "$2" > "$work/wrk-$1.txt"
  local rps p50 p99
  rps=$(awk '/Requests\/sec/ {print $2}' "$work/wrk-$1.txt")
  p50=$(awk '$1=="50%" {print $2}' "$work/wrk-$1.txt")
  p99=$(awk '$1=="99%" {print $2}' "$work/wrk-$1.txt")
  echo "$1 $rps $p50 $p99"
}

wrk -t2 -c64 -d2s http://127.0.0.1:18080/bench/json >/dev/null  # warm-up
wrk -t2 -c64 -d2s http://127.0.0.1:18081/bench/json >/dev/null
read -r _ nginx_rps nginx_p50 nginx_p99 < <(run_wrk nginx http://127.0.0.1:18081/bench/json)
rss_peak=0
( while kill -0 "$kit_pid" 2>/dev/null; do awk '/VmRSS/ {print $2}' "/proc/$kit_pid/status"; sleep 0.5; done ) \
  > "$work/kit-rss.txt" &
sampler=$!
read -r _ kit_rps kit_p50 kit_p99 < <(run_wrk kit http://127.0.0.1:18080/bench/json)
kill "$sampler" 2>/dev/null || true
rss_peak=$(sort -n "$work/kit-rss.txt" | tail -1)
ratio=$(awk -v a="$kit_rps" -v b="$nginx_rps" 'BEGIN {printf "%.2f", a / b}')
kit_lines=$(wc -l < "$work/kit-access.log")
nginx_lines=$(wc -l < "$work/nginx-access.log")

echo "| server | requests/s | p50 | p99 | peak RSS |"
echo "|---|---|---|---|---|"
echo "| nginx 1.22 static file (2 workers, access log) | $nginx_rps | $nginx_p50 | $nginx_p99 | - |"
echo "| kit server, full middleware (2 threads, access log) | $kit_rps | $kit_p50 | $kit_p99 | $((rss_peak / 1024)) MB |"
echo
echo "kit / nginx throughput ratio: $ratio (access-log lines written: kit $kit_lines, nginx $nginx_lines)"
