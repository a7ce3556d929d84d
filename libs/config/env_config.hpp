#pragma once
// EnvConfig: configuration from environment variables, with defaults, checked at start-up. Every getter records
// what is wrong instead of throwing, so one start-up reports every bad variable at once:
//
//   EnvConfig env;
//   auto port = env.integer("DT_HTTP_PORT", 8080, {.min = 1, .max = 65535});
//   auto url = env.required_string("DT_PG_URL");
//   env.check();   // throws ConfigError: "DT_HTTP_PORT: 'abc' is not an integer; DT_PG_URL: is required"
#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace dt::config {

class ConfigError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct Range {
  std::int64_t min = INT64_MIN;
  std::int64_t max = INT64_MAX;
};

class EnvConfig {
 public:
  using Lookup = std::function<std::optional<std::string>(const std::string&)>;

  EnvConfig();  // reads the process environment
  explicit EnvConfig(Lookup lookup);

  std::string string(const std::string& name, std::string fallback);
  std::string required_string(const std::string& name);
  std::int64_t integer(const std::string& name, std::int64_t fallback, Range range = {});
  std::chrono::milliseconds millis(const std::string& name, std::chrono::milliseconds fallback, Range range = {0});
  bool boolean(const std::string& name, bool fallback);
  // One of `allowed` (compared exactly), e.g. a log level.
  std::string choice(const std::string& name, std::string fallback, const std::vector<std::string>& allowed);

  const std::vector<std::string>& errors() const { return errors_; }
  // Throws ConfigError listing every problem, each naming its variable.
  void check() const;

 private:
  std::optional<std::string> lookup(const std::string& name) const;
  void fail(const std::string& name, const std::string& message);

  Lookup lookup_;
  std::vector<std::string> errors_;
};

}  // namespace dt::config
