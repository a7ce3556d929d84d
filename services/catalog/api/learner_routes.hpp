#pragma once
#include "catalog/api/catalog_api.hpp"
#include "http/router.hpp"

namespace dt::catalog::api {

// The signed-in learner's own records under /api/catalog/me; every route answers 401 to an anonymous caller:
// GET /me/history (learner_routes.cpp), GET /me/statistics (learner_stats_routes.cpp), GET /me/mistakes and
// GET /me/review-queue (learner_review_routes.cpp), GET /me/bookmarks, PUT and DELETE /me/bookmarks/{question_id}
// (learner_bookmark_routes.cpp). Questions are shown as practice shows them (practice_question_json.hpp):
// answering one goes through POST /api/catalog/practice/answers.
void add_learner_routes(http::Router& router, CatalogApi& api);

void add_learner_stats_routes(http::Router& router, CatalogApi& api);
void add_learner_review_routes(http::Router& router, CatalogApi& api);
void add_learner_bookmark_routes(http::Router& router, CatalogApi& api);

}  // namespace dt::catalog::api
