#include "service/service_settings.hpp"

#include <gtest/gtest.h>

#include <map>

namespace {

dt::config::EnvConfig env_of(std::map<std::string, std::string> vars) {
  return dt::config::EnvConfig([vars](const std::string& n) -> std::optional<std::string> {
    auto it = vars.find(n);
    if (it == vars.end()) return std::nullopt;
    return it->second;
  });
}

TEST(ServiceSettings, DefaultsAreSafe) {
  auto env = env_of({});
  auto s = dt::service::read_settings(env, "catalog", 8081);
  EXPECT_NO_THROW(env.check());
  EXPECT_EQ(s.name, "catalog");
  EXPECT_EQ(s.http.host, "127.0.0.1");
  EXPECT_EQ(s.http.port, 8081);
  EXPECT_EQ(s.http.body_limit, 1024u * 1024u);
}

TEST(ServiceSettings, ReadsOverrides) {
  auto env = env_of({{"DT_HTTP_PORT", "9999"},
                     {"DT_HTTP_BODY_LIMIT", "4096"},
                     {"DT_HTTP_IDLE_TIMEOUT_MS", "1500"},
                     {"DT_LOG_LEVEL", "debug"},
                     {"DT_THREADS", "3"}});
  auto s = dt::service::read_settings(env, "x", 1);
  EXPECT_NO_THROW(env.check());
  EXPECT_EQ(s.http.port, 9999);
  EXPECT_EQ(s.http.body_limit, 4096u);
  EXPECT_EQ(s.http.idle_timeout, std::chrono::milliseconds(1500));
  EXPECT_EQ(s.log_level, dt::log::Level::debug);
  EXPECT_EQ(s.threads, 3u);
}

TEST(ServiceSettings, ABadValueNamesItsVariable) {
  auto env = env_of({{"DT_HTTP_PORT", "70000"}, {"DT_LOG_LEVEL", "chatty"}});
  dt::service::read_settings(env, "x", 1);
  try {
    env.check();
    FAIL();
  } catch (const dt::config::ConfigError& e) {
    EXPECT_NE(std::string(e.what()).find("DT_HTTP_PORT"), std::string::npos);
    EXPECT_NE(std::string(e.what()).find("DT_LOG_LEVEL"), std::string::npos);
  }
}

}  // namespace
