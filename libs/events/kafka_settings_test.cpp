// KafkaSettings from the environment.
#include "events/kafka_settings.hpp"

#include <gtest/gtest.h>

#include <map>

namespace {

using namespace std::chrono_literals;

dt::config::EnvConfig env_of(std::map<std::string, std::string> vars) {
  return dt::config::EnvConfig([vars](const std::string& name) -> std::optional<std::string> {
    const auto it = vars.find(name);
    if (it == vars.end()) return std::nullopt;
    return it->second;
  });
}

TEST(KafkaSettings, DefaultsToTheLocalBroker) {
  auto env = env_of({});
  const auto s = dt::events::read_kafka_settings(env);
  EXPECT_EQ(s.brokers, "127.0.0.1:29092");
  EXPECT_EQ(s.publish_timeout, 30s);
  EXPECT_NO_THROW(env.check());
}

TEST(KafkaSettings, ReadsTheVariables) {
  auto env = env_of({{"DT_KAFKA_BROKERS", "k1:9092,k2:9092"}, {"DT_KAFKA_PUBLISH_TIMEOUT_MS", "5000"}});
  const auto s = dt::events::read_kafka_settings(env);
  EXPECT_EQ(s.brokers, "k1:9092,k2:9092");
  EXPECT_EQ(s.publish_timeout, 5s);
}

TEST(KafkaSettings, ReportsABadTimeout) {
  auto env = env_of({{"DT_KAFKA_PUBLISH_TIMEOUT_MS", "soon"}});
  dt::events::read_kafka_settings(env);
  EXPECT_THROW(env.check(), dt::config::ConfigError);
}

}  // namespace
