#include "catalog/api/admin_routes.hpp"

#include "catalog/bank/bank_cache.hpp"
#include "catalog/io/bank_document.hpp"
#include "catalog/io/reference_json.hpp"
#include "catalog/store/catalog_store.hpp"
#include "errors/problem.hpp"
#include "http/json_response.hpp"
#include "json/body.hpp"

namespace dt::catalog::api {
namespace {

using http::Method;
using http::Request;
using http::Response;

// A one-topic bank document through import_bank: the same upsert (and bank_version bump) as a bulk import.
// 201 when the topic is new, 200 when it replaced (or already was) that content.
Awaitable<Response> put_topic(CatalogApi& api, Request& request, std::string actor) {
  const auto body = json::parse_body(request.body);
  io::BankDocument document;
  document.topics.push_back(io::topic_from_json(body, ""));
  const Topic& topic = document.topics.front();
  const auto known = co_await api.store.known_references();
  if (!known.jurisdictions.contains(topic.jurisdiction)) {
    throw Problem::invalid_field("jurisdiction", "there is no jurisdiction '" + topic.jurisdiction.value() + "'");
  }
  const auto summary = co_await api.store.import_bank(document, actor);
  co_await api.bank.changed();
  const bool created = summary.topics.created > 0;
  auto response = http::json_response(created ? 201 : 200, io::topic_to_json(topic));
  if (created) response.headers.add("Location", "/api/catalog/jurisdictions/" + topic.jurisdiction.value() + "/topics");
  co_return response;
}

// Removes a topic that no question and no blueprint quota uses (409 naming what still does).
Awaitable<Response> delete_topic(CatalogApi& api, Request& request, std::string actor) {
  const JurisdictionCode jurisdiction(request.param("jurisdiction"));
  const TopicCode code(request.param("code"));
  if (!jurisdiction.valid() || !code.valid()) throw Problem::not_found("there is no such topic");
  co_await api.store.delete_topic(jurisdiction, code, actor);
  co_await api.bank.changed();
  co_return Response::no_content();
}

}  // namespace

std::optional<std::int64_t> positive_number(std::string_view text) {
  if (text.empty() || text.size() > 18) return std::nullopt;
  std::int64_t value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  if (value < 1) return std::nullopt;
  return value;
}

std::optional<JurisdictionCode> jurisdiction_query(const http::Request& request) {
  auto text = request.query_param("jurisdiction");
  if (!text || text->empty()) return std::nullopt;
  JurisdictionCode code(std::move(*text));
  if (!code.valid()) throw Problem::invalid_field("jurisdiction", "is not a jurisdiction code");
  return code;
}

void add_admin_routes(http::Router& router, CatalogApi& api) {
  router.add(Method::post, "/api/catalog/admin/topics", admin_only(api, put_topic));
  router.add(Method::delete_, "/api/catalog/admin/topics/{jurisdiction}/{code}", admin_only(api, delete_topic));
  add_admin_question_routes(router, api);
  add_admin_blueprint_routes(router, api);
  add_admin_bank_routes(router, api);
  add_admin_media_routes(router, api);
}

}  // namespace dt::catalog::api
