#pragma once
#include "config/env_config.hpp"
#include "service/service.hpp"

namespace dt::account {

// Wires the Account service into a service: token verification (DT_AUTH_*), PostgreSQL (DT_PG_URL, schema
// DT_ACCOUNT_SCHEMA, migrated at start-up), Keycloak's admin API (DT_KEYCLOAK_URL, DT_KEYCLOAK_REALM,
// DT_KEYCLOAK_ACCOUNT_CLIENT, DT_KEYCLOAK_ACCOUNT_SECRET), the reconciler of pending registrations, the routes
// and health checks. main() and the HTTP tests both use it.
void wire_account(service::Service& service, config::EnvConfig& env);

}  // namespace dt::account
