#pragma once
#include "catalog/api/catalog_api.hpp"
#include "http/router.hpp"

namespace dt::catalog::api {

// Practice for anyone, signed in or not, read from the bank snapshot and never giving answers away:
// GET /api/catalog/practice/questions (by topic, paged), /practice/random (from a class's exam pool),
// /practice/critical, /practice/road-signs (paged), GET /api/catalog/search, and the answer check below.
void add_practice_routes(http::Router& router, CatalogApi& api);

// POST /api/catalog/practice/answers: checks one answer and shows the key and the explanation; for a signed-in
// learner also logs it and moves the question in their review queue. (practice_answer_routes.cpp)
void add_practice_answer_routes(http::Router& router, CatalogApi& api);

}  // namespace dt::catalog::api
