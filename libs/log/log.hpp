#pragma once
// JSON-lines logging on spdlog. Each line is one JSON object:
//   {"ts":"2026-11-25T08:00:00.123Z","level":"info","service":"catalog","msg":"exam started","request_id":"..."}
// Fields are typed key/value pairs:  dt::log::info("exam started", {{"exam_id", id}, {"questions", 30}});
#include <cstdint>
#include <initializer_list>
#include <memory>
#include <string>
#include <string_view>

namespace spdlog {
class logger;
}

namespace dt::log {

enum class Level { debug, info, warn, error };

class Field {
 public:
  Field(std::string_view key, std::string_view value) : key_(key), kind_(Kind::text), text_(value) {}
  Field(std::string_view key, const char* value) : Field(key, std::string_view(value)) {}
  Field(std::string_view key, const std::string& value) : Field(key, std::string_view(value)) {}
  Field(std::string_view key, bool value) : key_(key), kind_(Kind::boolean), integer_(value) {}
  Field(std::string_view key, int value) : key_(key), kind_(Kind::integer), integer_(value) {}
  Field(std::string_view key, long value) : key_(key), kind_(Kind::integer), integer_(value) {}
  Field(std::string_view key, long long value) : key_(key), kind_(Kind::integer), integer_(value) {}
  Field(std::string_view key, unsigned value) : key_(key), kind_(Kind::integer), integer_(value) {}
  Field(std::string_view key, unsigned long value)
      : key_(key), kind_(Kind::integer), integer_(static_cast<std::int64_t>(value)) {}
  Field(std::string_view key, double value) : key_(key), kind_(Kind::real), real_(value) {}

  void append_to(std::string& out) const;

 private:
  enum class Kind { text, integer, real, boolean };
  std::string_view key_;
  Kind kind_;
  std::string_view text_;
  std::int64_t integer_ = 0;
  double real_ = 0;
};

using Fields = std::initializer_list<Field>;

struct Options {
  std::string service = "drivetest";
  Level level = Level::info;
};

// Sets up the process-wide logger writing to stdout. Call once at start-up, before threads start.
void init(const Options& options);
// For tests: route lines to a logger of the caller's choice (e.g. one with an ostream sink).
void init(const Options& options, std::shared_ptr<spdlog::logger> logger);
Level parse_level(std::string_view name);  // "debug" | "info" | "warn" | "error"

bool enabled(Level level);
void write(Level level, std::string_view message, Fields fields = {});
void flush();

inline void debug(std::string_view message, Fields fields = {}) { write(Level::debug, message, fields); }
inline void info(std::string_view message, Fields fields = {}) { write(Level::info, message, fields); }
inline void warn(std::string_view message, Fields fields = {}) { write(Level::warn, message, fields); }
inline void error(std::string_view message, Fields fields = {}) { write(Level::error, message, fields); }

}  // namespace dt::log
