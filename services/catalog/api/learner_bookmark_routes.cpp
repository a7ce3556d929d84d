// The learner's bookmarked questions:
// GET    /api/catalog/me/bookmarks -> {"items": [{"question_id", "created_at", "question": practice view | null}],
//        "total"}, newest first; "question" is null once the question is no longer published.
// PUT    /api/catalog/me/bookmarks/{question_id} -> 201 when added, 200 when it already was; 404 for a question
//        that is not published.
// DELETE /api/catalog/me/bookmarks/{question_id} -> 204, or 404 when it was not bookmarked.
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "catalog/api/caller.hpp"
#include "catalog/api/language.hpp"
#include "catalog/api/learner_routes.hpp"
#include "catalog/api/practice_question_json.hpp"
#include "catalog/bank/bank_cache.hpp"
#include "catalog/io/instant_json.hpp"
#include "catalog/store/catalog_store.hpp"
#include "errors/problem.hpp"
#include "http/json_response.hpp"

namespace dt::catalog::api {
namespace {

using http::Method;
using http::Request;
using http::Response;

QuestionId question_id_of(const Request& request) {
  const auto& text = request.param("question_id");
  QuestionId id = 0;
  if (text.empty() || text.size() > 18) throw Problem::invalid_field("question_id", "must be a question id");
  for (char c : text) {
    if (c < '0' || c > '9') throw Problem::invalid_field("question_id", "must be a question id");
    id = id * 10 + (c - '0');
  }
  if (id < 1) throw Problem::invalid_field("question_id", "must be a question id");
  return id;
}

Awaitable<Response> list_bookmarks(CatalogApi& api, Request& request) {
  const auto user = require_user(request);
  const auto language = language_of(request);
  const auto bookmarks = co_await api.store.bookmarks(user);
  auto snapshot = co_await api.bank.snapshot();
  boost::json::array items;
  for (const auto& bookmark : bookmarks) {
    const Question* q = snapshot->question(bookmark.question);
    items.push_back(boost::json::object{
        {"question_id", bookmark.question},
        {"created_at", io::format_instant(bookmark.created_at)},
        {"question", q ? boost::json::value(practice_question_to_json(*q, language)) : boost::json::value(nullptr)}});
  }
  boost::json::object out;
  out["total"] = items.size();
  out["items"] = std::move(items);
  co_return http::json_response(200, out);
}

Awaitable<Response> add_bookmark(CatalogApi& api, Request& request) {
  const auto user = require_user(request);
  const QuestionId id = question_id_of(request);
  auto snapshot = co_await api.bank.snapshot();
  if (!snapshot->question(id)) throw Problem::not_found("there is no question " + std::to_string(id));
  const bool added = co_await api.store.add_bookmark(user, id);
  const boost::json::object out{{"question_id", id}, {"bookmarked", true}};
  auto response = http::json_response(added ? 201 : 200, out);
  if (added) response.headers.add("Location", "/api/catalog/me/bookmarks/" + std::to_string(id));
  co_return response;
}

Awaitable<Response> remove_bookmark(CatalogApi& api, Request& request) {
  const auto user = require_user(request);
  const QuestionId id = question_id_of(request);
  if (!co_await api.store.remove_bookmark(user, id)) {
    throw Problem::not_found("question " + std::to_string(id) + " is not bookmarked");
  }
  co_return Response::no_content();
}

}  // namespace

void add_learner_bookmark_routes(http::Router& router, CatalogApi& api) {
  const auto route = [&api](auto handler) {
    return [&api, handler](Request& request) { return handler(api, request); };
  };
  router.add(Method::get, "/api/catalog/me/bookmarks", route(list_bookmarks));
  router.add(Method::put, "/api/catalog/me/bookmarks/{question_id}", route(add_bookmark));
  router.add(Method::delete_, "/api/catalog/me/bookmarks/{question_id}", route(remove_bookmark));
}

}  // namespace dt::catalog::api
