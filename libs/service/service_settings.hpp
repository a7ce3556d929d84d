#pragma once
// The settings every service shares, read from DT_* environment variables (see docs/configuration.md).
#include <string>

#include "config/env_config.hpp"
#include "http/server_options.hpp"
#include "log/log.hpp"

namespace dt::service {

struct ServiceSettings {
  std::string name;
  std::string version;
  unsigned threads = 0;  // 0: one per core
  log::Level log_level = log::Level::info;
  http::ServerOptions http;
};

// Reads DT_HTTP_HOST, DT_HTTP_PORT, DT_THREADS, DT_LOG_LEVEL, DT_HTTP_BODY_LIMIT, DT_HTTP_HEADER_LIMIT,
// DT_HTTP_HEADER_TIMEOUT_MS, DT_HTTP_BODY_TIMEOUT_MS, DT_HTTP_IDLE_TIMEOUT_MS, DT_HTTP_WRITE_TIMEOUT_MS,
// DT_HTTP_MAX_CONNECTIONS, DT_SHUTDOWN_DEADLINE_MS. Problems are recorded in env; call env.check() after.
ServiceSettings read_settings(config::EnvConfig& env, std::string name, std::uint16_t default_port);

}  // namespace dt::service
