// Account service: registration, profiles, passwords and user management, through Keycloak's admin API.
#include "account/account_service.hpp"
#include "registry/service_registration.hpp"

int main() {
  return dt::service::run_main("account", 28082, [](dt::service::Service& service, dt::config::EnvConfig& env) {
    dt::account::wire_account(service, env);
    dt::registry::register_with_registry(service, env);
  });
}
