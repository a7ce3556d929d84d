#include "config/env_config.hpp"

#include <gtest/gtest.h>

#include <map>

namespace {

using dt::config::EnvConfig;

EnvConfig from(std::map<std::string, std::string> vars) {
  return EnvConfig([vars](const std::string& name) -> std::optional<std::string> {
    auto it = vars.find(name);
    if (it == vars.end()) return std::nullopt;
    return it->second;
  });
}

TEST(EnvConfig, UsesDefaultsWhenUnsetOrEmpty) {
  auto env = from({{"EMPTY", ""}});
  EXPECT_EQ(env.integer("PORT", 8080), 8080);
  EXPECT_EQ(env.string("EMPTY", "fallback"), "fallback");
  EXPECT_TRUE(env.boolean("FLAG", true));
  EXPECT_NO_THROW(env.check());
}

TEST(EnvConfig, ReadsTypedValues) {
  auto env = from({{"PORT", "9000"}, {"TIMEOUT_MS", "250"}, {"ON", "yes"}, {"LEVEL", "debug"}});
  EXPECT_EQ(env.integer("PORT", 1, {.min = 1, .max = 65535}), 9000);
  EXPECT_EQ(env.millis("TIMEOUT_MS", std::chrono::milliseconds(5)), std::chrono::milliseconds(250));
  EXPECT_TRUE(env.boolean("ON", false));
  EXPECT_EQ(env.choice("LEVEL", "info", {"debug", "info"}), "debug");
  EXPECT_NO_THROW(env.check());
}

TEST(EnvConfig, ReportsEveryBadVariableByName) {
  auto env = from({{"PORT", "80a"}, {"THREADS", "0"}, {"FLAG", "maybe"}, {"LEVEL", "loud"}});
  env.integer("PORT", 8080);
  env.integer("THREADS", 2, {.min = 1, .max = 64});
  env.boolean("FLAG", false);
  env.choice("LEVEL", "info", {"debug", "info"});
  env.required_string("DB_URL");
  try {
    env.check();
    FAIL() << "check() must throw";
  } catch (const dt::config::ConfigError& e) {
    std::string m = e.what();
    EXPECT_NE(m.find("PORT: '80a' is not an integer"), std::string::npos) << m;
    EXPECT_NE(m.find("THREADS: 0 is out of range [1, 64]"), std::string::npos) << m;
    EXPECT_NE(m.find("FLAG: 'maybe' is not a boolean"), std::string::npos) << m;
    EXPECT_NE(m.find("LEVEL: 'loud' is not one of: debug, info"), std::string::npos) << m;
    EXPECT_NE(m.find("DB_URL: is required"), std::string::npos) << m;
  }
}

}  // namespace
