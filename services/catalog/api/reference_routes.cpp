#include "catalog/api/reference_routes.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "catalog/bank/bank_cache.hpp"
#include "catalog/domain/blueprint_selection.hpp"
#include "catalog/io/blueprint_json.hpp"
#include "catalog/io/instant_json.hpp"
#include "catalog/io/reference_json.hpp"
#include "catalog/store/catalog_store.hpp"
#include "errors/problem.hpp"
#include "http/json_response.hpp"

namespace dt::catalog::api {
namespace {

using http::Method;
using http::Request;
using http::Response;

JurisdictionCode jurisdiction_param(const Request& request) {
  JurisdictionCode code(request.param("code"));
  if (!code.valid()) throw Problem::invalid_field("code", "is not a jurisdiction code");
  return code;
}

template <class T, class Render>
boost::json::object items(const std::vector<T>& values, Render render) {
  boost::json::array out;
  for (const auto& v : values) out.push_back(render(v));
  return {{"items", std::move(out)}};
}

Awaitable<Response> jurisdictions(CatalogApi& api, Request&) {
  co_return http::json_response(200, items(co_await api.store.jurisdictions(), io::jurisdiction_to_json));
}

Awaitable<Response> licence_classes(CatalogApi& api, Request& request) {
  const auto code = jurisdiction_param(request);
  auto classes = co_await api.store.licence_classes(code);
  if (classes.empty()) throw Problem::not_found("there is no jurisdiction '" + code.value() + "'");
  co_return http::json_response(200, items(classes, io::licence_class_to_json));
}

Awaitable<Response> topics(CatalogApi& api, Request& request) {
  const auto code = jurisdiction_param(request);
  auto list = co_await api.store.topics(code);
  if (list.empty()) throw Problem::not_found("there is no jurisdiction '" + code.value() + "'");
  co_return http::json_response(200, items(list, io::topic_to_json));
}

Awaitable<Response> blueprints(CatalogApi& api, Request& request) {
  auto snapshot = co_await api.bank.snapshot();
  const auto jurisdiction = request.query_param("jurisdiction");
  const auto licence_class = request.query_param("licence_class");
  Date day = std::chrono::floor<std::chrono::days>(api.clock());
  if (auto date = request.query_param("date")) {
    auto parsed = parse_date(*date);
    if (!parsed) throw Problem::invalid_field("date", "must be a date YYYY-MM-DD");
    day = *parsed;
  }
  boost::json::array out;
  for (const auto& b : snapshot->all_blueprints()) {
    if (jurisdiction && b.jurisdiction.value() != *jurisdiction) continue;
    if (licence_class && b.licence_class.value() != *licence_class) continue;
    auto doc = io::blueprint_to_json(b);
    const Blueprint* in_force = snapshot->blueprint_for(b.jurisdiction, b.licence_class, day);
    doc["in_force"] = in_force && in_force->code == b.code && in_force->version == b.version;
    out.push_back(std::move(doc));
  }
  co_return http::json_response(200, boost::json::object{{"date", format_date(day)}, {"items", std::move(out)}});
}

}  // namespace

void add_reference_routes(http::Router& router, CatalogApi& api) {
  const auto route = [&api](auto handler) {
    return [&api, handler](Request& request) { return handler(api, request); };
  };
  router.add(Method::get, "/api/catalog/jurisdictions", route(jurisdictions));
  router.add(Method::get, "/api/catalog/jurisdictions/{code}/licence-classes", route(licence_classes));
  router.add(Method::get, "/api/catalog/jurisdictions/{code}/topics", route(topics));
  router.add(Method::get, "/api/catalog/blueprints", route(blueprints));
}

}  // namespace dt::catalog::api
