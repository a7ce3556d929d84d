#include "catalog/api/admin_routes.hpp"
#include "catalog/api/catalog_api.hpp"
#include "catalog/api/exam_routes.hpp"
#include "catalog/api/learner_routes.hpp"
#include "catalog/api/openapi_route.hpp"
#include "catalog/api/practice_routes.hpp"
#include "catalog/api/reference_routes.hpp"

namespace dt::catalog::api {

void add_routes(http::Router& router, CatalogApi& api) {
  add_openapi_route(router);
  add_reference_routes(router, api);
  add_exam_routes(router, api);
  add_practice_routes(router, api);
  add_learner_routes(router, api);
  add_admin_routes(router, api);
}

}  // namespace dt::catalog::api
