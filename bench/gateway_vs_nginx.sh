#!/usr/bin/env bash
# Gateway benchmark: the API gateway versus nginx (Debian) as a plain reverse proxy in front of the same
# upstream (gateway_test_upstream answering a fixed 52-byte JSON at /bench/json), in one run. Both keep
# connections to the upstream alive and write an access-log line per request; both on 2 threads/workers.
# Runs, wrk -t2 -c64 each, in this order:
#   upstream   the upstream alone (what both proxies add to)
#   nginx      nginx proxy_pass to a keepalive upstream block
#   gateway    the gateway: route match, filters, discovery from etcd, no token
#   gateway+token   the same with a bearer token verified at the edge (RS256 against a JWKS, then cached)
#   nginx-again     nginx once more: the ratios use the mean of both nginx runs, so that a machine getting busier
#                   or quieter during the run does not favour either side
#   gateway+token+ratelimit   and a Redis token bucket per IP and per user (for information; not a target)
# Each row also gives the CPU time the process under test spent per request (nginx's workers, the gateway, or for
# "upstream" the upstream itself), from /proc: steadier than throughput on a machine shared with other work.
# Usage: bench/gateway_vs_nginx.sh [duration-seconds]   (after building; DT_BENCH_BUILD names the build dir,
# default build; etcd and Redis running: infra/infra.sh start)
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-15}
build=${DT_BENCH_BUILD:-build}
work=var/bench/gateway
mkdir -p "$work" var/log
rm -f "$work"/*.log "$work"/wrk-*.txt
# shellcheck source=infra/env.sh
. infra/env.sh
: "${DT_ETCD_URL:?etcd is not running: infra/infra.sh start}"
: "${DT_REDIS_URL:?Redis is not running: infra/infra.sh start}"

upstream_port=18090 nginx_port=18091 gateway_port=18092
service="bench-upstream-$$"

cat > "$work/nginx.conf" <<NGINX
worker_processes 2;
pid $PWD/$work/nginx.pid;
error_log $PWD/$work/nginx-error.log warn;
events { worker_connections 4096; }
http {
  access_log $PWD/$work/nginx-access.log;
  tcp_nodelay on;
  keepalive_requests 1000000;
  upstream bench_upstream {
    server 127.0.0.1:$upstream_port;
    keepalive 128;
  }
  server {
    listen 127.0.0.1:$nginx_port;
    location / {
      proxy_pass http://bench_upstream;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
    }
  }
}
NGINX

cat > "$work/routes.json" <<ROUTES
{
  "rate_limits": {"bench": {"per_ip": {"requests": 1000000, "per_seconds": 1},
                            "per_user": {"requests": 1000000, "per_seconds": 1}}},
  "routes": [
    {"name": "bench", "methods": ["GET"], "upstream_path": "/bench/json", "service": "$service"},
    {"name": "bench-token", "methods": ["GET"], "upstream_path": "/bench-token/json", "service": "$service",
     "downstream_path": "/bench/json", "auth": "signed-in"},
    {"name": "bench-limited", "methods": ["GET"], "upstream_path": "/bench-limited/json", "service": "$service",
     "downstream_path": "/bench/json", "auth": "signed-in", "rate_limit": "bench"}
  ]
}
ROUTES

pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  if [[ -f "$work/nginx.pid" ]]; then kill "$(cat "$work/nginx.pid")" 2>/dev/null || true; fi
}
trap cleanup EXIT

DT_TEST_UPSTREAM_SERVICE="$service" DT_HTTP_PORT=$upstream_port DT_THREADS=2 DT_LOG_LEVEL=warn \
  DT_REGISTRY_URL="$DT_ETCD_URL" "$build/services/gateway/gateway_test_upstream" > "$work/upstream.log" 2>&1 &
upstream_pid=$!
pids+=("$upstream_pid")

# The identity provider stand-in: a JWKS URL and a token on its first two lines; it serves while fd 3 is open.
coproc TOKENS { "$build/bench/gateway_tokens/gateway_bench_tokens"; }
pids+=("$TOKENS_PID")
read -r jwks_url <&"${TOKENS[0]}"
read -r token <&"${TOKENS[0]}"

DT_HTTP_PORT=$gateway_port DT_THREADS=2 DT_LOG_LEVEL=info DT_REGISTRY_URL="$DT_ETCD_URL" \
  DT_GATEWAY_ROUTES_FILE="$PWD/$work/routes.json" DT_AUTH_JWKS_URL="$jwks_url" \
  DT_GATEWAY_RATE_LIMIT_PREFIX="dt:bench:$$:" "$build/services/gateway/gateway" > "$work/gateway-access.log" 2>&1 &
gateway_pid=$!
pids+=("$gateway_pid")
nginx -c "$PWD/$work/nginx.conf"

for _ in $(seq 100); do
  curl -fs "http://127.0.0.1:$gateway_port/bench/json" >/dev/null &&
    curl -fs "http://127.0.0.1:$nginx_port/bench/json" >/dev/null && break
  sleep 0.1
done
direct=$(curl -fs "http://127.0.0.1:$upstream_port/bench/json")
[[ "$(curl -fs "http://127.0.0.1:$nginx_port/bench/json")" == "$direct" &&
   "$(curl -fs "http://127.0.0.1:$gateway_port/bench/json")" == "$direct" &&
   "$(curl -fs -H "Authorization: Bearer $token" "http://127.0.0.1:$gateway_port/bench-token/json")" == "$direct" ]] ||
  { echo "the proxies do not pass the upstream's answer through" >&2; exit 1; }
[[ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$gateway_port/bench-token/json")" == 401 ]] ||
  { echo "the token route must refuse anonymous requests" >&2; exit 1; }

# CPU time (user, system) of processes in clock ticks, from /proc/PID/stat.
cpu_ticks() { for pid in "$@"; do awk '{print $14, $15}' "/proc/$pid/stat"; done | awk '{u += $1; s += $2} END {print u, s}'; }
tick_us=$((1000000 / $(getconf CLK_TCK)))

run_wrk() {  # name url pids-to-measure [wrk header args]
  local name=$1 url=$2 measured=$3
  shift 3
  local before after
  # shellcheck disable=SC2086 # $measured is a list of pids
  read -r -a before < <(cpu_ticks $measured)
  wrk -t2 -c64 -d"${duration}s" --latency "$@" "$url" > "$work/wrk-$name.txt"
  # shellcheck disable=SC2086
  read -r -a after < <(cpu_ticks $measured)
  local rps p50 p99 errors requests user sys
  rps=$(awk '/Requests\/sec/ {print $2}' "$work/wrk-$name.txt")
  p50=$(awk '$1=="50%" {print $2}' "$work/wrk-$name.txt")
  p99=$(awk '$1=="99%" {print $2}' "$work/wrk-$name.txt")
  errors=$(awk '/Non-2xx/ {print $4}' "$work/wrk-$name.txt")
  requests=$(awk '/requests in/ {print $1}' "$work/wrk-$name.txt")
  user=$(awk -v t=$((after[0] - before[0])) -v n="$requests" -v us=$tick_us 'BEGIN {printf "%.1f", t * us / n}')
  sys=$(awk -v t=$((after[1] - before[1])) -v n="$requests" -v us=$tick_us 'BEGIN {printf "%.1f", t * us / n}')
  echo "$name $rps $p50 $p99 ${errors:-0} $user $sys"
}
auth=(-H "Authorization: Bearer $token")

for url in "http://127.0.0.1:$upstream_port/bench/json" "http://127.0.0.1:$nginx_port/bench/json" \
           "http://127.0.0.1:$gateway_port/bench/json"; do
  wrk -t2 -c64 -d2s "$url" >/dev/null  # warm-up
done
nginx_pids=$(pgrep -P "$(cat "$work/nginx.pid")" | tr '\n' ' ')
results=()
results+=("$(run_wrk upstream "http://127.0.0.1:$upstream_port/bench/json" "$upstream_pid")")
results+=("$(run_wrk nginx "http://127.0.0.1:$nginx_port/bench/json" "$nginx_pids")")
results+=("$(run_wrk gateway "http://127.0.0.1:$gateway_port/bench/json" "$gateway_pid")")
results+=("$(run_wrk gateway+token "http://127.0.0.1:$gateway_port/bench-token/json" "$gateway_pid" "${auth[@]}")")
results+=("$(run_wrk nginx-again "http://127.0.0.1:$nginx_port/bench/json" "$nginx_pids")")
results+=("$(run_wrk gateway+token+ratelimit "http://127.0.0.1:$gateway_port/bench-limited/json" "$gateway_pid" \
  "${auth[@]}")")

to_ms() { awk -v v="$1" 'BEGIN { if (v ~ /us$/) printf "%.3f", v / 1000; else if (v ~ /ms$/) printf "%.3f", v + 0;
                                 else printf "%.3f", v * 1000 }'; }
declare -A rps p50
echo "| run | requests/s | p50 | p99 | non-2xx | CPU per request (user + system) |"
echo "|---|---|---|---|---|---|"
for line in "${results[@]}"; do
  read -r name r p q e u s <<<"$line"
  rps[$name]=$r p50[$name]=$(to_ms "$p")
  echo "| $name | $r | $p | $q | $e | $u + $s us |"
done
echo
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }
added() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.3f", a - b}'; }
nginx_rps=$(awk -v a="${rps[nginx]}" -v b="${rps[nginx-again]}" 'BEGIN {printf "%.2f", (a + b) / 2}')
nginx_p50=$(awk -v a="${p50[nginx]}" -v b="${p50[nginx-again]}" 'BEGIN {printf "%.3f", (a + b) / 2}')
echo "nginx (mean of its two runs): $nginx_rps requests/s, p50 $nginx_p50 ms"
echo "gateway / nginx throughput: $(ratio "${rps[gateway]}" "$nginx_rps") (target >= 1.0);" \
  "added p50 over nginx: $(added "${p50[gateway]}" "$nginx_p50") ms (target <= 0.3)"
echo "gateway+token / nginx throughput: $(ratio "${rps[gateway+token]}" "$nginx_rps") (target >= 0.9)"
echo "gateway+token+ratelimit / nginx throughput: $(ratio "${rps[gateway+token+ratelimit]}" "$nginx_rps")"
echo "access-log lines: gateway $(grep -c '"msg":"request"' "$work/gateway-access.log"), nginx $(wc -l < "$work/nginx-access.log")"
