#!/usr/bin/env bash
# Events pipeline benchmark: user.registered rows in an outbox table -> OutboxRelay (200 ms poll) -> Kafka ->
# Notification service (in-process) -> SMTP -> Mailpit. Needs PostgreSQL, Kafka and Mailpit running
# (infra/infra.sh start) and the benchmark built (make build, or ninja -C <build dir> dt_events_pipeline_bench).
# Prints a Markdown table: a burst of N events appended in one transaction (events/s), then R events a second
# for S seconds (latency from the row's created_at to the notification's sent_at, p50/p99/max).
# Usage: tests/load/events.sh [burst-events=2000] [paced-rate=100] [paced-seconds=10]
#        DT_BUILD_DIR=build-notify tests/load/events.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${DT_BUILD_DIR:-build}
bench="$build/bench/events_pipeline/dt_events_pipeline_bench"
[[ -x "$bench" ]] || { echo "$bench not built: ninja -C $build dt_events_pipeline_bench" >&2; exit 2; }
# shellcheck source=infra/env.sh
. infra/env.sh
DT_LOG_LEVEL=warn "$bench" "${1:-2000}" "${2:-100}" "${3:-10}"
