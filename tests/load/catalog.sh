#!/usr/bin/env bash
# Catalog benchmark: wrk with 64 connections against a running Catalog (make run), in one run:
#   1. start exams (POST /api/catalog/exams, class B: 30 drawn from the VN bank), collecting their ids;
#   2. answer their questions (PUT .../answers/{n});
#   3. submit them (POST .../submit: grading 30 answers).
# Usage: tests/load/catalog.sh [seconds-per-phase]   Results go to stdout; raw wrk output to var/bench/catalog.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-10}
url=${DT_CATALOG_URL:-http://127.0.0.1:28081}
work=var/bench/catalog
rm -rf "$work" && mkdir -p "$work"
export DT_EXAM_IDS="$PWD/$work/ids" DT_LOAD_DIR="$PWD/tests/load"

run() {  # name script
  wrk -t2 -c64 -d"${seconds}s" --latency -s "tests/load/$2" "$url/api/catalog/exams" > "$work/$1.txt"
  awk -v name="$1" '/Requests\/sec/ {rps=$2} $1=="50%" {p50=$2} $1=="99%" {p99=$2}
       /Non-2xx/ {bad=$NF} END {printf "| %s | %s | %s | %s | %s |\n", name, rps, p50, p99, bad ? bad : 0}' "$work/$1.txt"
}

echo "| phase | requests/s | p50 | p99 | non-2xx |"
echo "|---|---|---|---|---|"
run start start_exam.lua
run answer answer.lua
run submit submit.lua
echo
echo "exams started: $(cat "$work"/ids.* | wc -l)"
