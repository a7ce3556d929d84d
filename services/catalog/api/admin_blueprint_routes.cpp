// The admin's blueprint routes: every version with what is wrong with it, create a version, replace one (not
// when exams used it: publish a new version instead), soft delete one (exams in progress keep grading with it).
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "catalog/api/admin_routes.hpp"
#include "catalog/bank/bank_cache.hpp"
#include "catalog/domain/blueprint_selection.hpp"
#include "catalog/domain/blueprint_validation.hpp"
#include "catalog/io/bank_cross_check.hpp"
#include "catalog/io/blueprint_json.hpp"
#include "catalog/store/catalog_store.hpp"
#include "errors/problem.hpp"
#include "http/json_response.hpp"
#include "json/body.hpp"

namespace dt::catalog::api {
namespace {

using http::Method;
using http::Request;
using http::Response;

constexpr std::string_view kBlueprints = "/api/catalog/admin/blueprints";

std::string location_of(const Blueprint& blueprint) {
  return std::string(kBlueprints) + "/" + blueprint.code + "/" + std::to_string(blueprint.version);
}

int version_param(const Request& request) {
  const auto& text = request.param("version");
  const auto version = positive_number(text);
  if (!version || *version > INT32_MAX) {
    throw Problem::not_found("blueprint " + request.param("code") + " has no version '" + text + "'");
  }
  return static_cast<int>(*version);
}

Blueprint blueprint_of(const Request& request) {
  const auto body = json::parse_body(request.body);
  return io::blueprint_from_json(body, "");
}

boost::json::object problem_json(const ValidationProblem& problem) {
  return {{"field", problem.field}, {"message", problem.message}};
}

// What an import would reject this blueprint for, next to the stored versions of its jurisdiction (other than
// its own code and version): unknown licence class or topics, another code in force for the class on the same
// days. A 400 naming the field.
Awaitable<void> check_references(CatalogApi& api, const Blueprint& blueprint) {
  const auto known = co_await api.store.known_references();
  const auto stored = co_await api.store.blueprints(blueprint.jurisdiction);
  io::BankRows rows;
  for (const auto& b : stored) {
    if (b.code == blueprint.code && b.version == blueprint.version) continue;
    rows.blueprints.push_back(io::Row<Blueprint>{b, rows.blueprints.size(), "", 0});
  }
  const std::size_t index = rows.blueprints.size();
  rows.blueprints.push_back(io::Row<Blueprint>{blueprint, index, "", 0});
  io::ImportReport report;
  io::cross_check(rows, known, report);
  report.finish();
  for (const auto& rejection : report.rejections()) {
    if (rejection.index == index) throw Problem::invalid_field(rejection.field, rejection.message);
  }
}

// Every version with its problems: validate()'s, and another code in force for the same class on some day.
Awaitable<Response> list(CatalogApi& api, Request& request, std::string) {
  const auto jurisdiction = jurisdiction_query(request);
  const auto blueprints = co_await api.store.blueprints(jurisdiction);
  std::vector<boost::json::array> problems(blueprints.size());
  for (std::size_t i = 0; i < blueprints.size(); ++i) {
    for (const auto& p : validate(blueprints[i])) problems[i].push_back(problem_json(p));
  }
  for (const auto& p : check_versions(blueprints)) {  // fields are "blueprints[i]"
    const auto open = p.field.find('[');
    const std::size_t i = open == std::string::npos ? blueprints.size() : std::stoul(p.field.substr(open + 1));
    if (i < blueprints.size()) problems[i].push_back(problem_json({"valid_from", p.message}));
  }
  boost::json::array items;
  for (std::size_t i = 0; i < blueprints.size(); ++i) {
    auto doc = io::blueprint_to_json(blueprints[i]);
    doc["problems"] = std::move(problems[i]);
    items.push_back(std::move(doc));
  }
  co_return http::json_response(200, boost::json::object{{"items", std::move(items)}});
}

Awaitable<Response> create(CatalogApi& api, Request& request, std::string actor) {
  const Blueprint blueprint = blueprint_of(request);
  co_await check_references(api, blueprint);
  co_await api.store.create_blueprint(blueprint, actor);  // 409 when (code, version) exists
  co_await api.bank.changed();
  auto response = http::json_response(201, io::blueprint_to_json(blueprint));
  response.headers.add("Location", location_of(blueprint));
  co_return response;
}

Awaitable<Response> update(CatalogApi& api, Request& request, std::string actor) {
  const auto version = version_param(request);
  const Blueprint blueprint = blueprint_of(request);
  if (blueprint.code != request.param("code")) {
    throw Problem::invalid_field("code", "must be the URL's '" + request.param("code") + "'");
  }
  if (blueprint.version != version) {
    throw Problem::invalid_field("version", "must be the URL's " + std::to_string(version));
  }
  co_await check_references(api, blueprint);
  co_await api.store.update_blueprint(blueprint, actor);  // 404 missing, 409 used by exams
  co_await api.bank.changed();
  co_return http::json_response(200, io::blueprint_to_json(blueprint));
}

Awaitable<Response> soft_delete(CatalogApi& api, Request& request, std::string actor) {
  const auto version = version_param(request);
  co_await api.store.delete_blueprint(request.param("code"), version, actor);
  co_await api.bank.changed();
  co_return Response::no_content();
}

}  // namespace

void add_admin_blueprint_routes(http::Router& router, CatalogApi& api) {
  const std::string base(kBlueprints);
  router.add(Method::get, base, admin_only(api, list));
  router.add(Method::post, base, admin_only(api, create));
  router.add(Method::put, base + "/{code}/{version}", admin_only(api, update));
  router.add(Method::delete_, base + "/{code}/{version}", admin_only(api, soft_delete));
}

}  // namespace dt::catalog::api
