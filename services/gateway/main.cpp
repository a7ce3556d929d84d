// API gateway: the route file's routes to the services found in the registry, token verification, rate
// limits, the web app's files at / (docs/gateway.md).
#include <cstdlib>
#include <string>

#include "gateway/gateway_service.hpp"
#include "gateway/gateway_settings.hpp"

int main() {
  // Uploads go through the gateway: its server reads bodies up to 32 MiB unless DT_HTTP_BODY_LIMIT says
  // otherwise; each route's max_request_bytes is the real limit.
  ::setenv("DT_HTTP_BODY_LIMIT", std::to_string(dt::gateway::kGatewayBodyLimit).c_str(), 0);
  return dt::service::run_main("gateway", 28080, [](dt::service::Service& service, dt::config::EnvConfig& env) {
    dt::gateway::wire_gateway(service, env);
  });
}
