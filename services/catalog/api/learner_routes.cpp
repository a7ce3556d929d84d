// GET /api/catalog/me/history?licence_class=&from=&to=&page=&size=
// The learner's exams, newest first: {"items": [{"id", "jurisdiction", "licence_class",
// "blueprint": {"code", "version"}, "status", "started_at", "deadline", "finished_at", "passed", "score",
// "max_score"}], "total", "page", "size"}. from and to are days (YYYY-MM-DD, UTC), both included: exams started
// on or after `from` and on or before `to`. Unfinished exams have null finished_at, passed and scores.
#include "catalog/api/learner_routes.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "catalog/api/caller.hpp"
#include "catalog/api/practice_params.hpp"
#include "catalog/io/instant_json.hpp"
#include "catalog/store/catalog_store.hpp"
#include "errors/problem.hpp"
#include "http/json_response.hpp"

namespace dt::catalog::api {
namespace {

using http::Method;
using http::Request;
using http::Response;

template <class T>
boost::json::value or_null(const std::optional<T>& value) {
  return value ? boost::json::value(*value) : boost::json::value(nullptr);
}

boost::json::object summary_to_json(const store::ExamSummary& exam) {
  boost::json::object out;
  out["id"] = exam.id;
  out["jurisdiction"] = exam.jurisdiction.value();
  out["licence_class"] = exam.licence_class.value();
  out["blueprint"] = boost::json::object{{"code", exam.blueprint_code}, {"version", exam.blueprint_version}};
  out["status"] = store::to_string(exam.status);
  out["started_at"] = io::format_instant(exam.started_at);
  out["deadline"] = io::format_instant(exam.deadline);
  out["finished_at"] =
      exam.finished_at ? boost::json::value(io::format_instant(*exam.finished_at)) : boost::json::value(nullptr);
  out["passed"] = or_null(exam.passed);
  out["score"] = or_null(exam.score);
  out["max_score"] = or_null(exam.max_score);
  return out;
}

Awaitable<Response> history(CatalogApi& api, Request& request) {
  const auto user = require_user(request);
  store::HistoryFilter filter;
  if (auto code = code_param(request, "licence_class")) filter.licence_class = LicenceClassCode(*code);
  const auto from = date_param(request, "from");
  const auto to = date_param(request, "to");
  if (from && to && *to < *from) throw Problem::invalid_field("to", "must not be before 'from'");
  if (from) filter.from = TimePoint(*from);
  if (to) filter.to = TimePoint(*to + std::chrono::days(1));
  const auto page = page_of(request);
  const auto found = co_await api.store.history(user, filter, page.page, page.size);
  boost::json::array items;
  for (const auto& exam : found.items) items.push_back(summary_to_json(exam));
  co_return http::json_response(200, paged(std::move(items), found.total, page));
}

}  // namespace

void add_learner_routes(http::Router& router, CatalogApi& api) {
  router.add(Method::get, "/api/catalog/me/history", [&api](Request& request) { return history(api, request); });
  add_learner_stats_routes(router, api);
  add_learner_review_routes(router, api);
  add_learner_bookmark_routes(router, api);
}

}  // namespace dt::catalog::api
