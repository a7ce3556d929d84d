#pragma once
// The gateway's own settings, from DT_GATEWAY_* and the shared variables it uses (docs/configuration.md).
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>

#include "config/env_config.hpp"

namespace dt::gateway {

struct GatewaySettings {
  std::string routes_file;                    // DT_GATEWAY_ROUTES_FILE
  std::string static_dir;                     // DT_GATEWAY_STATIC_DIR
  std::chrono::milliseconds reload_interval;  // DT_GATEWAY_RELOAD_INTERVAL_MS
  std::string registry_url;                   // DT_REGISTRY_URL
  std::chrono::milliseconds registry_poll;    // DT_GATEWAY_REGISTRY_POLL_MS
  std::size_t upstream_idle;                  // DT_GATEWAY_UPSTREAM_IDLE (per instance and thread)
  std::chrono::milliseconds connect_timeout;  // DT_GATEWAY_CONNECT_TIMEOUT_MS
  std::size_t max_response_bytes;             // DT_GATEWAY_MAX_RESPONSE_BYTES (the routes' cap)
  std::string redis_url;                      // DT_REDIS_URL
  std::chrono::milliseconds redis_timeout;    // DT_GATEWAY_REDIS_TIMEOUT_MS
  std::size_t redis_connections;              // DT_GATEWAY_REDIS_CONNECTIONS
  std::chrono::milliseconds redis_retry;      // DT_GATEWAY_REDIS_RETRY_MS
  std::string rate_limit_prefix;              // DT_GATEWAY_RATE_LIMIT_PREFIX
  std::int64_t rate_limit_lease = 16;         // DT_GATEWAY_RATE_LIMIT_LEASE
};

// Problems are recorded in env (call env.check() after).
GatewaySettings read_gateway_settings(dt::config::EnvConfig& env);

// The server's default body limit for the gateway, which carries uploads: main() sets DT_HTTP_BODY_LIMIT to it
// unless the environment sets one.
inline constexpr std::size_t kGatewayBodyLimit = 32 * 1024 * 1024;

}  // namespace dt::gateway
