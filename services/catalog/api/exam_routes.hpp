#pragma once
#include "catalog/api/catalog_api.hpp"
#include "http/router.hpp"

namespace dt::catalog::api {

// POST /api/catalog/exams, GET /api/catalog/exams/{id}, PUT .../answers/{position}, PUT .../flags/{position},
// POST .../submit, GET .../result. The same flow for anonymous and signed-in learners; the server keeps time.
void add_exam_routes(http::Router& router, CatalogApi& api);

}  // namespace dt::catalog::api
