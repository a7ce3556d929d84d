#pragma once
#include <functional>

#include "catalog/domain/date.hpp"
#include "config/env_config.hpp"
#include "service/service.hpp"

namespace dt::catalog {

// Wires the Catalog into a service: PostgreSQL (DT_PG_URL, schema DT_CATALOG_SCHEMA, migrated at start-up),
// Redis (DT_REDIS_URL), the bank cache, the routes, health checks. main() and the HTTP tests both use it;
// tests pass a clock of their own to move time past exam deadlines.
using Clock = std::function<TimePoint()>;
void wire_catalog(service::Service& service, config::EnvConfig& env, Clock clock = {});

}  // namespace dt::catalog
