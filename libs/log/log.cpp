#include "log/log.hpp"

#include <spdlog/pattern_formatter.h>
#include <spdlog/spdlog.h>

#include <unistd.h>

#include <charconv>

#include "log/fd_sink.hpp"
#include "log/json_escape.hpp"

namespace dt::log {
namespace {

std::shared_ptr<spdlog::logger>& current() {
  static std::shared_ptr<spdlog::logger> logger;
  return logger;
}

spdlog::level::level_enum to_spdlog(Level level) {
  switch (level) {
    case Level::debug:
      return spdlog::level::debug;
    case Level::info:
      return spdlog::level::info;
    case Level::warn:
      return spdlog::level::warn;
    case Level::error:
      return spdlog::level::err;
  }
  return spdlog::level::info;
}

void configure(const Options& options, const std::shared_ptr<spdlog::logger>& logger) {
  std::string service;
  append_json_escaped(service, options.service);
  // spdlog writes the timestamp and level; the message part carries the rest of the JSON object.
  logger->set_formatter(std::make_unique<spdlog::pattern_formatter>(
      R"({"ts":"%Y-%m-%dT%H:%M:%S.%eZ","level":"%l","service":")" + service + "\",%v}",
      spdlog::pattern_time_type::utc));
  logger->set_level(to_spdlog(options.level));
  logger->flush_on(spdlog::level::warn);
  current() = logger;
}

}  // namespace

void Field::append_to(std::string& out) const {
  out += ",\"";
  append_json_escaped(out, key_);
  out += "\":";
  switch (kind_) {
    case Kind::text:
      out += '"';
      append_json_escaped(out, text_);
      out += '"';
      break;
    case Kind::integer: {
      char buf[24];
      auto [end, ec] = std::to_chars(buf, buf + sizeof buf, integer_);
      out.append(buf, end);
      break;
    }
    case Kind::boolean:
      out += integer_ ? "true" : "false";
      break;
    case Kind::real: {
      char buf[32];
      auto [end, ec] = std::to_chars(buf, buf + sizeof buf, real_);
      out.append(buf, ec == std::errc() ? end : buf);
      break;
    }
  }
}

void init(const Options& options) {
  // init may run again (tests start several services in one process): each call makes a new logger.
  configure(options, std::make_shared<spdlog::logger>("dt", std::make_shared<FdSink>(STDOUT_FILENO)));
}

void init(const Options& options, std::shared_ptr<spdlog::logger> logger) { configure(options, logger); }

Level parse_level(std::string_view name) {
  if (name == "debug") return Level::debug;
  if (name == "warn") return Level::warn;
  if (name == "error") return Level::error;
  return Level::info;
}

bool enabled(Level level) {
  const auto& logger = current();
  return logger && logger->should_log(to_spdlog(level));
}

void write(Level level, std::string_view message, Fields fields) {
  if (!enabled(level)) return;
  std::string line;
  line.reserve(256);
  line += "\"msg\":\"";
  append_json_escaped(line, message);
  line += '"';
  for (const auto& f : fields) f.append_to(line);
  current()->log(to_spdlog(level), std::string_view(line));
}

void flush() {
  if (current()) current()->flush();
}

}  // namespace dt::log
