#pragma once
// The Notification service's wiring (docs/events.md): consumes account.events and catalog.events, records
// each event in its PostgreSQL schema, sends the mails over SMTP with retries, dead-letters what it gives up
// on, and serves the admin API. main.cpp and the tests' NotificationHarness call it.
#include "config/env_config.hpp"
#include "service/service.hpp"

namespace dt::notification {

// Reads the configuration (docs/configuration.md: DT_PG_URL, DT_NOTIFICATION_*, DT_SMTP_*, DT_KAFKA_*,
// DT_AUTH_*), migrates the schema, loads the templates (a broken one stops start-up) and starts the consumer
// and the dispatcher; both stop when the service shuts down.
void wire_notification(service::Service& service, config::EnvConfig& env);

}  // namespace dt::notification
