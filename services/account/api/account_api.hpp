#pragma once
// What the Account service's handlers work with; main() builds it (account_service.cpp).
#include "account/keycloak/keycloak_admin.hpp"
#include "account/store/profile_store.hpp"

#include <string>
#include <vector>

namespace dt::account::api {

struct AccountApi {
  store::ProfileStore& store;
  keycloak::KeycloakAdmin& keycloak;
  std::vector<std::string> trusted_proxies{"127.0.0.1", "::1"};  // peers whose X-Forwarded-For is believed
};

}  // namespace dt::account::api
