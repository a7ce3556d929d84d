#include "config/env_config.hpp"

#include <charconv>
#include <cstdlib>

namespace dt::config {

EnvConfig::EnvConfig()
    : EnvConfig([](const std::string& name) -> std::optional<std::string> {
        const char* v = std::getenv(name.c_str());  // NOLINT(concurrency-mt-unsafe): read once at start-up
        if (v == nullptr) return std::nullopt;
        return std::string(v);
      }) {}

EnvConfig::EnvConfig(Lookup lookup) : lookup_(std::move(lookup)) {}

std::optional<std::string> EnvConfig::lookup(const std::string& name) const {
  auto v = lookup_(name);
  if (v && v->empty()) return std::nullopt;  // VAR= means "use the default", as in most tools
  return v;
}

void EnvConfig::fail(const std::string& name, const std::string& message) { errors_.push_back(name + ": " + message); }

std::string EnvConfig::string(const std::string& name, std::string fallback) {
  return lookup(name).value_or(std::move(fallback));
}

std::string EnvConfig::required_string(const std::string& name) {
  auto v = lookup(name);
  if (!v) {
    fail(name, "is required but not set");
    return {};
  }
  return *v;
}

std::int64_t EnvConfig::integer(const std::string& name, std::int64_t fallback, Range range) {
  auto v = lookup(name);
  if (!v) return fallback;
  std::int64_t n = 0;
  const auto* end = v->data() + v->size();
  auto [ptr, ec] = std::from_chars(v->data(), end, n);
  if (ec != std::errc() || ptr != end) {
    fail(name, "'" + *v + "' is not an integer");
    return fallback;
  }
  if (n < range.min || n > range.max) {
    fail(name,
         std::to_string(n) + " is out of range [" + std::to_string(range.min) + ", " + std::to_string(range.max) + "]");
    return fallback;
  }
  return n;
}

std::chrono::milliseconds EnvConfig::millis(const std::string& name, std::chrono::milliseconds fallback, Range range) {
  return std::chrono::milliseconds(integer(name, fallback.count(), range));
}

bool EnvConfig::boolean(const std::string& name, bool fallback) {
  auto v = lookup(name);
  if (!v) return fallback;
  if (*v == "1" || *v == "true" || *v == "yes" || *v == "on") return true;
  if (*v == "0" || *v == "false" || *v == "no" || *v == "off") return false;
  fail(name, "'" + *v + "' is not a boolean (use true/false, 1/0, yes/no, on/off)");
  return fallback;
}

std::string EnvConfig::choice(const std::string& name, std::string fallback, const std::vector<std::string>& allowed) {
  auto v = lookup(name);
  if (!v) return fallback;
  for (const auto& a : allowed) {
    if (*v == a) return *v;
  }
  std::string list;
  for (const auto& a : allowed) list += (list.empty() ? "" : ", ") + a;
  fail(name, "'" + *v + "' is not one of: " + list);
  return fallback;
}

void EnvConfig::check() const {
  if (errors_.empty()) return;
  std::string message = "invalid configuration: ";
  for (std::size_t i = 0; i < errors_.size(); ++i) message += (i ? "; " : "") + errors_[i];
  throw ConfigError(message);
}

}  // namespace dt::config
