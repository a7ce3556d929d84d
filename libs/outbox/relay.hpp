#pragma once
// OutboxRelay: publishes the rows of a service's outbox table (outbox.hpp) to Kafka, oldest first, and marks
// each one published once the broker acknowledged it. A broker outage only delays events: unacknowledged rows
// stay unpublished and are tried again on the next pass, however long that takes.
//
//   OutboxRelay relay(db, producer, {.table = "account.outbox", .topic = "account.events", .source = "account"});
//   relay.start(service.executor());               // a pass every `interval` (200 ms), until stop()
//   service.on_shutdown([&] { relay.stop(); });
//
// A pass takes batches of up to batch_size unpublished rows in seq order, inside a transaction holding a
// transaction-scoped advisory lock on the table: several instances of a service may run a relay, but only one
// publishes at a time, so rows are published in seq order and no row is published by two relays at once.
// The rows of a batch are handed to the producer in seq order and awaited together; the producer is
// idempotent (docs/events.md), so they reach each partition in that order, and the events of one subject
// (the message key) in the order they were recorded. Each message is a CloudEvents envelope whose id is the
// row's id, time its created_at, key its subject.
//
// Delivery is at least once: a crash between the broker's acknowledgement and the commit that marks the rows
// publishes them again, with the same event ids (consumers de-duplicate on them).
// Published rows are deleted once older than `retention` (checked at most once an hour).
#include <chrono>
#include <cstdint>
#include <memory>
#include <string>

#include "async/awaitable.hpp"
#include "db/database.hpp"
#include "events/producer.hpp"
#include "metrics/registry.hpp"

namespace dt::outbox {

struct RelayOptions {
  std::string table;   // schema-qualified, e.g. "account.outbox"
  std::string topic;   // e.g. "account.events"
  std::string source;  // the envelope's source, the emitting service: "account"
  std::chrono::milliseconds interval{200};
  int batch_size = 200;
  std::chrono::hours retention{24 * 7};
};

// What one pass did.
struct RelayPass {
  int published = 0;
  bool failed = false;  // a publish or the database failed: the rows left wait for the next pass
};

class OutboxRelay {
 public:
  // Throws std::invalid_argument for a table name that is not schema.table in lower-case identifiers.
  // `metrics` (optional) gets dt_outbox_published_total and dt_outbox_publish_failures_total, labelled by table.
  OutboxRelay(db::Database& db, events::Producer& producer, RelayOptions options, metrics::Registry* metrics = nullptr);
  ~OutboxRelay();
  OutboxRelay(const OutboxRelay&) = delete;
  OutboxRelay& operator=(const OutboxRelay&) = delete;

  // Publishes batches until no row is left, a batch failed, or stop() was called. Does not throw: a failure is
  // logged (once, until a pass succeeds again) and reported in the result. What start() runs on each tick.
  Awaitable<RelayPass> run_pass();

  void start(Executor executor);
  // Thread-safe and idempotent: a pass in progress finishes its batch, no further one starts.
  void stop();

  const RelayOptions& options() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace dt::outbox
