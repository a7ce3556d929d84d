#pragma once
// add_outbox_relay: one line in a service's wiring runs an OutboxRelay for its outbox table, with a Kafka
// producer of its own, started with the service and stopped (and flushed) when it shuts down:
//
//   auto& db = service.own(std::make_unique<db::Database>(...));
//   outbox::add_outbox_relay(service, env, db, schema + ".outbox", "account.events", "account");
//
// Reads DT_KAFKA_BROKERS and DT_KAFKA_PUBLISH_TIMEOUT_MS (events/kafka_settings.hpp), DT_OUTBOX_INTERVAL_MS
// (default 200: how often the table is polled when idle), DT_OUTBOX_BATCH_SIZE (default 200) and
// DT_OUTBOX_RETENTION_HOURS (default 168). `db` must be owned by the service before this call (the relay is
// destroyed first).
#include <string>

#include "config/env_config.hpp"
#include "db/database.hpp"
#include "outbox/relay.hpp"
#include "service/service.hpp"

namespace dt::outbox {

OutboxRelay& add_outbox_relay(service::Service& service, config::EnvConfig& env, db::Database& db, std::string table,
                              std::string topic, std::string source);

}  // namespace dt::outbox
