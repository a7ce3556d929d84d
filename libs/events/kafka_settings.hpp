#pragma once
// How a service reaches Kafka, from the environment (docs/events.md):
//   DT_KAFKA_BROKERS            host:port[,host:port...], default 127.0.0.1:29092 (infra/kafka.sh)
//   DT_KAFKA_PUBLISH_TIMEOUT_MS how long a publish may wait for the broker's acknowledgement, default 30000
// ProducerOptions and ConsumerOptions take these plus what only the caller knows (client id, group, topics).
#include <chrono>
#include <string>

#include "config/env_config.hpp"

namespace dt::events {

struct KafkaSettings {
  std::string brokers = "127.0.0.1:29092";
  std::chrono::milliseconds publish_timeout{30'000};
};

KafkaSettings read_kafka_settings(config::EnvConfig& env);

}  // namespace dt::events
