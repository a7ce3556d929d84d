// KafkaSettings from DT_KAFKA_* environment variables.
#include "events/kafka_settings.hpp"

namespace dt::events {

KafkaSettings read_kafka_settings(config::EnvConfig& env) {
  KafkaSettings s;
  s.brokers = env.string("DT_KAFKA_BROKERS", s.brokers);
  s.publish_timeout = env.millis("DT_KAFKA_PUBLISH_TIMEOUT_MS", s.publish_timeout, {.min = 100, .max = 3'600'000});
  return s;
}

}  // namespace dt::events
