#pragma once
// The admin API under /api/catalog/admin: topics, questions (with their revisions), blueprint versions, bulk
// import and export of the bank (JSON or CSV), and the bank report. Every route needs the admin role (401
// anonymous, 403 without the role) and every write publishes the new bank version (BankCache::changed) so
// exams drawn afterwards see it.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "catalog/api/caller.hpp"
#include "catalog/api/catalog_api.hpp"
#include "catalog/domain/code.hpp"
#include "http/router.hpp"

namespace dt::catalog::api {

// All of the below, and POST /api/catalog/admin/topics (create or replace one topic of a jurisdiction).
void add_admin_routes(http::Router& router, CatalogApi& api);

// GET /api/catalog/admin/questions?jurisdiction=&topic=&status=&q=&page=&size=, GET .../questions/{id},
// GET .../questions/{id}/revisions, POST .../questions, PUT .../questions/{id}, DELETE .../questions/{id}.
void add_admin_question_routes(http::Router& router, CatalogApi& api);
// GET /api/catalog/admin/blueprints?jurisdiction=, POST .../blueprints, PUT and DELETE
// .../blueprints/{code}/{version}.
void add_admin_blueprint_routes(http::Router& router, CatalogApi& api);
// POST /api/catalog/admin/import, GET .../export?format=json|csv&jurisdiction=,
// GET .../bank-report?jurisdiction=.
void add_admin_bank_routes(http::Router& router, CatalogApi& api);
// GET /api/catalog/admin/media-references/{key}: the published questions showing a media key (the File
// service's check before it deletes an object).
void add_admin_media_routes(http::Router& router, CatalogApi& api);

// A route handler `Awaitable<Response> handler(CatalogApi&, Request&, std::string actor)` behind the admin
// check: the handler runs only for an admin, and gets the admin's id (the actor the store records).
template <class Handler>
http::Handler admin_only(CatalogApi& api, Handler handler) {
  return [&api, handler](http::Request& request) {
    std::string actor = require_admin(request);
    return handler(api, request, std::move(actor));
  };
}

// --- Shared by the admin route files.

// A whole number from 1 in plain decimal digits ("12", "012"; not "+12", "1.5" or "0"), or nullopt.
std::optional<std::int64_t> positive_number(std::string_view text);
// The ?jurisdiction= filter: nullopt when absent or empty, a 400 naming "jurisdiction" when not a code.
std::optional<JurisdictionCode> jurisdiction_query(const http::Request& request);

}  // namespace dt::catalog::api
