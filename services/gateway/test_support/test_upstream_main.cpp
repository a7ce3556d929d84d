// gateway_test_upstream: a kit service answering every path with what it received (EchoMiddleware), registered
// in etcd under DT_TEST_UPSTREAM_SERVICE (default "gateway-test-upstream") like any service. The kill test
// starts two and SIGKILLs one; bench/gateway_vs_nginx.sh puts the gateway and nginx in front of one.
#include <unistd.h>
#include <cstdlib>
#include <memory>
#include <string>

#include "gateway/test_support/echo_routes.hpp"
#include "registry/service_registration.hpp"
#include "service/service.hpp"

int main() {
  const char* name = std::getenv("DT_TEST_UPSTREAM_SERVICE");
  const std::string service_name = name && *name ? name : "gateway-test-upstream";
  return dt::service::run_main(service_name, 0, [&](dt::service::Service& service, dt::config::EnvConfig& env) {
    service.add_middleware(
        std::make_unique<dt::gateway::testing::EchoMiddleware>(service_name + "-" + std::to_string(::getpid())));
    dt::registry::register_with_registry(service, env);
  });
}
