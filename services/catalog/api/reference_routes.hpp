#pragma once
#include "catalog/api/catalog_api.hpp"
#include "http/router.hpp"

namespace dt::catalog::api {

// GET /api/catalog/jurisdictions, .../jurisdictions/{code}/licence-classes, .../jurisdictions/{code}/topics,
// GET /api/catalog/blueprints?jurisdiction=&licence_class=&date= (the versions, and which one is in force).
void add_reference_routes(http::Router& router, CatalogApi& api);

}  // namespace dt::catalog::api
