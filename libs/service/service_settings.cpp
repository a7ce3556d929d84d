#include "service/service_settings.hpp"

namespace dt::service {

ServiceSettings read_settings(config::EnvConfig& env, std::string name, std::uint16_t default_port) {
  ServiceSettings s;
  s.name = std::move(name);
  s.version = env.string("DT_VERSION", "dev");
  s.threads = static_cast<unsigned>(env.integer("DT_THREADS", 0, {.min = 0, .max = 256}));
  s.log_level = log::parse_level(env.choice("DT_LOG_LEVEL", "info", {"debug", "info", "warn", "error"}));
  auto& h = s.http;
  h.host = env.string("DT_HTTP_HOST", "127.0.0.1");
  h.port = static_cast<std::uint16_t>(env.integer("DT_HTTP_PORT", default_port, {.min = 0, .max = 65535}));
  h.body_limit =
      static_cast<std::size_t>(env.integer("DT_HTTP_BODY_LIMIT", 1024 * 1024, {.min = 1024, .max = 1LL << 30}));
  h.header_limit =
      static_cast<std::size_t>(env.integer("DT_HTTP_HEADER_LIMIT", 16 * 1024, {.min = 1024, .max = 1 << 20}));
  h.header_timeout = env.millis("DT_HTTP_HEADER_TIMEOUT_MS", h.header_timeout, {.min = 10, .max = 600'000});
  h.body_timeout = env.millis("DT_HTTP_BODY_TIMEOUT_MS", h.body_timeout, {.min = 10, .max = 3'600'000});
  h.idle_timeout = env.millis("DT_HTTP_IDLE_TIMEOUT_MS", h.idle_timeout, {.min = 10, .max = 3'600'000});
  h.write_timeout = env.millis("DT_HTTP_WRITE_TIMEOUT_MS", h.write_timeout, {.min = 10, .max = 3'600'000});
  h.max_connections =
      static_cast<std::size_t>(env.integer("DT_HTTP_MAX_CONNECTIONS", 10'000, {.min = 1, .max = 1'000'000}));
  h.shutdown_deadline = env.millis("DT_SHUTDOWN_DEADLINE_MS", h.shutdown_deadline, {.min = 0, .max = 600'000});
  return s;
}

}  // namespace dt::service
