#pragma once
// wire_gateway: builds the API gateway inside a kit Service (main() and the in-process tests both use it):
// the route file (DT_GATEWAY_ROUTES_FILE, reloaded on change), discovery of the routes' services in the
// registry (DT_REGISTRY_URL), token verification (DT_AUTH_*), rate limiting in Redis (DT_REDIS_URL), the
// per-thread upstream clients, the web app's files (DT_GATEWAY_STATIC_DIR) and the GatewayHandler in front of
// the kit's router. A route file that does not validate stops start-up with every error listed.
#include "config/env_config.hpp"
#include "service/service.hpp"

namespace dt::gateway {

void wire_gateway(service::Service& service, dt::config::EnvConfig& env);

}  // namespace dt::gateway
