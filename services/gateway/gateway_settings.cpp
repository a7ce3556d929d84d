#include "gateway/gateway_settings.hpp"

namespace dt::gateway {

GatewaySettings read_gateway_settings(dt::config::EnvConfig& env) {
  using std::chrono::milliseconds;
  GatewaySettings s;
  s.routes_file = env.string("DT_GATEWAY_ROUTES_FILE", DT_GATEWAY_DEFAULT_ROUTES_FILE);
  s.static_dir = env.string("DT_GATEWAY_STATIC_DIR", DT_GATEWAY_DEFAULT_STATIC_DIR);
  s.reload_interval = env.millis("DT_GATEWAY_RELOAD_INTERVAL_MS", milliseconds(1000), {.min = 50, .max = 600'000});
  s.registry_url = env.string("DT_REGISTRY_URL", "http://127.0.0.1:22379");
  s.registry_poll = env.millis("DT_GATEWAY_REGISTRY_POLL_MS", milliseconds(1000), {.min = 50, .max = 60'000});
  s.upstream_idle = static_cast<std::size_t>(env.integer("DT_GATEWAY_UPSTREAM_IDLE", 256, {.min = 0, .max = 100'000}));
  s.connect_timeout = env.millis("DT_GATEWAY_CONNECT_TIMEOUT_MS", milliseconds(1000), {.min = 10, .max = 60'000});
  s.max_response_bytes = static_cast<std::size_t>(
      env.integer("DT_GATEWAY_MAX_RESPONSE_BYTES", 64 * 1024 * 1024, {.min = 1024, .max = 1024LL * 1024 * 1024}));
  s.redis_url = env.required_string("DT_REDIS_URL");
  s.redis_timeout = env.millis("DT_GATEWAY_REDIS_TIMEOUT_MS", milliseconds(200), {.min = 10, .max = 10'000});
  s.redis_connections =
      static_cast<std::size_t>(env.integer("DT_GATEWAY_REDIS_CONNECTIONS", 32, {.min = 1, .max = 1000}));
  s.redis_retry = env.millis("DT_GATEWAY_REDIS_RETRY_MS", milliseconds(1000), {.min = 0, .max = 600'000});
  s.rate_limit_prefix = env.string("DT_GATEWAY_RATE_LIMIT_PREFIX", "dt:gateway:rl:");
  s.rate_limit_lease = env.integer("DT_GATEWAY_RATE_LIMIT_LEASE", 16, {.min = 1, .max = 1000});
  return s;
}

}  // namespace dt::gateway
