#!/usr/bin/env bash
# Gateway benchmark: the API gateway versus nginx (Debian) as a plain reverse proxy in front of the same
# upstream (gateway_test_upstream answering a fixed 52-byte JSON at /bench/json), in one run. Both keep
# connections to the upstream alive and write an access-log line per request; both on 2 threads/workers.
# Runs, wrk -t2 -c64 each: first the upstream alone (what both proxies add to), then R rounds of
#   nginx      nginx proxy_pass to a keepalive upstream block
#   gateway    the gateway: route match, filters, discovery from etcd, no token
#   gateway+token   the same with a bearer token verified at the edge (RS256 against a JWKS, then cached)
# in that order in odd rounds and the reverse in even ones, so that a machine getting busier or quieter during
# the run favours neither side; ratios are taken within each round and summarised as their median (min to max).
# Last, gateway+token+ratelimit: a Redis token bucket per IP and per user (for information; not a target).
# Each row also gives the CPU time the process under test spent per request (nginx's workers, the gateway, or for
# "upstream" the upstream itself), from /proc: steadier than throughput on a machine shared with other work.
# Usage: bench/gateway_vs_nginx.sh [duration-seconds [rounds]]   (after building; DT_BENCH_BUILD names the build dir,
# default build; etcd and Redis running: infra/infra.sh start)
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-10}
rounds=${2:-5}
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
# Context switches (voluntary + involuntary) of every thread of the processes.
switches() {
  for pid in "$@"; do cat /proc/"$pid"/task/*/status; done | awk '/ctxt_switches/ {n += $2} END {print n}'
}

run_wrk() {  # name url pids-to-measure [wrk header args]
  local name=$1 url=$2 measured=$3
  shift 3
  local before after switches_before switches_after
  # shellcheck disable=SC2086 # $measured is a list of pids
  read -r -a before < <(cpu_ticks $measured)
  # shellcheck disable=SC2086
  switches_before=$(switches $measured)
  wrk -t2 -c64 -d"${duration}s" --latency "$@" "$url" > "$work/wrk-$name.txt"
  # shellcheck disable=SC2086
  read -r -a after < <(cpu_ticks $measured)
  # shellcheck disable=SC2086
  switches_after=$(switches $measured)
  local rps p50 p99 errors requests user sys per_switch
  rps=$(awk '/Requests\/sec/ {print $2}' "$work/wrk-$name.txt")
  p50=$(awk '$1=="50%" {print $2}' "$work/wrk-$name.txt")
  p99=$(awk '$1=="99%" {print $2}' "$work/wrk-$name.txt")
  errors=$(awk '/Non-2xx/ {print $4}' "$work/wrk-$name.txt")
  requests=$(awk '/requests in/ {print $1}' "$work/wrk-$name.txt")
  user=$(awk -v t=$((after[0] - before[0])) -v n="$requests" -v us=$tick_us 'BEGIN {printf "%.1f", t * us / n}')
  sys=$(awk -v t=$((after[1] - before[1])) -v n="$requests" -v us=$tick_us 'BEGIN {printf "%.1f", t * us / n}')
  per_switch=$(awk -v c=$((switches_after - switches_before)) -v n="$requests" 'BEGIN {printf "%.1f", n / (c ? c : 1)}')
  echo "$name $rps $p50 $p99 ${errors:-0} $user $sys $per_switch"
}
auth=(-H "Authorization: Bearer $token")

for url in "http://127.0.0.1:$upstream_port/bench/json" "http://127.0.0.1:$nginx_port/bench/json" \
           "http://127.0.0.1:$gateway_port/bench/json"; do
  wrk -t2 -c64 -d2s "$url" >/dev/null  # warm-up
done
nginx_pids=$(pgrep -P "$(cat "$work/nginx.pid")" | tr '\n' ' ')
gateway_url="http://127.0.0.1:$gateway_port"
results=("1 $(run_wrk upstream "http://127.0.0.1:$upstream_port/bench/json" "$upstream_pid")")
for round in $(seq "$rounds"); do
  order=(nginx gateway gateway+token)
  ((round % 2 == 0)) && order=(gateway+token gateway nginx)
  for name in "${order[@]}"; do
    case $name in
      nginx) line=$(run_wrk nginx "http://127.0.0.1:$nginx_port/bench/json" "$nginx_pids") ;;
      gateway) line=$(run_wrk gateway "$gateway_url/bench/json" "$gateway_pid") ;;
      gateway+token) line=$(run_wrk gateway+token "$gateway_url/bench-token/json" "$gateway_pid" "${auth[@]}") ;;
    esac
    results+=("$round $line")
  done
done
results+=("$rounds $(run_wrk gateway+token+ratelimit "$gateway_url/bench-limited/json" "$gateway_pid" "${auth[@]}")")

to_ms() { awk -v v="$1" 'BEGIN { if (v ~ /us$/) printf "%.3f", v / 1000; else if (v ~ /ms$/) printf "%.3f", v + 0;
                                 else printf "%.3f", v * 1000 }'; }
declare -A rps p50
echo "| round | run | requests/s | p50 | p99 | non-2xx | CPU per request (user + system) | requests per context switch |"
echo "|---|---|---|---|---|---|---|---|"
for line in "${results[@]}"; do
  read -r round name r p q e u s w <<<"$line"
  rps[$round.$name]=$r p50[$round.$name]=$(to_ms "$p")
  echo "| $round | $name | $r | $p | $q | $e | $u + $s us | $w |"
done
echo
# The median of one value per round, with the smallest and largest: "median (min to max)".
summary() { sort -n | awk '{v[NR] = $1} END {m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2;
                                             printf "%.2f (%.2f to %.2f)", m, v[1], v[NR]}'; }
per_round() {  # awk-expression over a, b, c = nginx, gateway, gateway+token requests/s; pa, pb = their p50 in ms
  for round in $(seq "$rounds"); do
    awk -v a="${rps[$round.nginx]}" -v b="${rps[$round.gateway]}" -v c="${rps[$round.gateway+token]}" \
      -v pa="${p50[$round.nginx]}" -v pb="${p50[$round.gateway]}" "BEGIN {print $1}"
  done | summary
}
echo "over $rounds rounds, median (min to max):"
echo "gateway / nginx throughput: $(per_round 'b / a') (target >= 1.0)"
echo "added p50 over nginx: $(per_round 'pb - pa') ms (target <= 0.3)"
echo "gateway+token / nginx throughput: $(per_round 'c / a') (target >= 0.9)"
echo "gateway+token+ratelimit / nginx (last round): $(awk -v a="${rps[$rounds.nginx]}" \
  -v b="${rps[$rounds.gateway+token+ratelimit]}" 'BEGIN {printf "%.2f", b / a}')"
echo "access-log lines: gateway $(grep -c '"msg":"request"' "$work/gateway-access.log"), nginx $(wc -l < "$work/nginx-access.log")"
