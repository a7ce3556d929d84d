#pragma once
#include "config/env_config.hpp"
#include "service/service.hpp"

namespace dt::file {

// Wires the File service into a service: token verification (DT_AUTH_*), PostgreSQL (DT_PG_URL, schema
// DT_FILES_SCHEMA, migrated at start-up), the object store (DT_S3_*), the Catalog (DT_CATALOG_URL), the routes,
// the readiness checks (postgres, object store buckets). main() and the HTTP tests both use it.
void wire_file(service::Service& service, config::EnvConfig& env);

}  // namespace dt::file
