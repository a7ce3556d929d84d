// add_outbox_relay: the producer and relay of a service's outbox, owned by the service.
#include "outbox/relay_service.hpp"

#include "events/kafka_settings.hpp"

namespace dt::outbox {

OutboxRelay& add_outbox_relay(service::Service& service, config::EnvConfig& env, db::Database& db, std::string table,
                              std::string topic, std::string source) {
  const auto kafka = events::read_kafka_settings(env);
  RelayOptions options;
  options.table = std::move(table);
  options.topic = std::move(topic);
  options.source = std::move(source);
  options.interval = env.millis("DT_OUTBOX_INTERVAL_MS", options.interval, {.min = 10, .max = 60'000});
  options.batch_size =
      static_cast<int>(env.integer("DT_OUTBOX_BATCH_SIZE", options.batch_size, {.min = 1, .max = 10'000}));
  options.retention = std::chrono::hours(
      env.integer("DT_OUTBOX_RETENTION_HOURS", options.retention.count(), {.min = 1, .max = 24 * 365}));

  events::ProducerOptions producer_options;
  producer_options.brokers = kafka.brokers;
  producer_options.client_id = options.source + "-outbox";
  producer_options.message_timeout = kafka.publish_timeout;
  auto& producer = service.own(std::make_unique<events::Producer>(producer_options));
  auto& relay = service.own(std::make_unique<OutboxRelay>(db, producer, std::move(options), &service.metrics()));
  relay.start(service.executor());
  service.on_shutdown([&relay, &producer] {
    relay.stop();
    producer.flush(std::chrono::seconds(5));
  });
  return relay;
}

}  // namespace dt::outbox
