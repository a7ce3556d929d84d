// What the learner should go over again, each question shown as practice shows it (no answer given away):
// GET /api/catalog/me/mistakes
//   -> {"items": [question + "position", "times_wrong", "last_wrong_at"], "total"}: the questions answered wrong
//      (in exams or practice) and not answered right since, newest mistake first (domain mistakes.hpp).
// GET /api/catalog/me/review-queue
//   -> {"date", "items": [question + "position", "box", "due"], "total"}: the Leitner cards due on or before
//      today (UTC), most overdue first (domain leitner.hpp).
// Questions no longer published (retired or deleted since) are left out: there is nothing to practise.
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include <algorithm>

#include "catalog/api/caller.hpp"
#include "catalog/api/language.hpp"
#include "catalog/api/learner_routes.hpp"
#include "catalog/api/practice_question_json.hpp"
#include "catalog/bank/bank_cache.hpp"
#include "catalog/domain/leitner.hpp"
#include "catalog/domain/mistakes.hpp"
#include "catalog/io/instant_json.hpp"
#include "catalog/store/catalog_store.hpp"
#include "http/json_response.hpp"

namespace dt::catalog::api {
namespace {

using http::Method;
using http::Request;
using http::Response;

boost::json::object listed(boost::json::array items) {
  boost::json::object out;
  out["total"] = items.size();
  out["items"] = std::move(items);
  return out;
}

Awaitable<Response> mistake_list(CatalogApi& api, Request& request) {
  const auto user = require_user(request);
  const auto language = language_of(request);
  const auto log = co_await api.store.answer_log(user);
  std::vector<LoggedAnswer> answers;
  answers.reserve(log.size());
  for (const auto& entry : log) answers.push_back(LoggedAnswer{entry.question, entry.correct, entry.answered_at});
  const auto open = mistakes(answers);
  auto snapshot = co_await api.bank.snapshot();
  boost::json::array items;
  for (const Mistake& mistake : open) {
    const Question* q = snapshot->question(mistake.question);
    if (!q) continue;
    auto item = practice_question_to_json(*q, language);
    item["position"] = items.size() + 1;
    item["times_wrong"] = mistake.times_wrong;
    item["last_wrong_at"] = io::format_instant(mistake.last_wrong_at);
    items.push_back(std::move(item));
  }
  co_return http::json_response(200, listed(std::move(items)));
}

Awaitable<Response> review_queue(CatalogApi& api, Request& request) {
  const auto user = require_user(request);
  const auto language = language_of(request);
  const Date today = std::chrono::floor<std::chrono::days>(api.clock());
  const auto cards = co_await api.store.leitner_cards(user);
  auto snapshot = co_await api.bank.snapshot();
  boost::json::array items;
  for (QuestionId id : due(cards, today)) {
    const Question* q = snapshot->question(id);
    if (!q) continue;
    const auto card = std::find_if(cards.begin(), cards.end(), [id](const LeitnerCard& c) { return c.question == id; });
    auto item = practice_question_to_json(*q, language);
    item["position"] = items.size() + 1;
    item["box"] = card->box;
    item["due"] = format_date(card->due);
    items.push_back(std::move(item));
  }
  auto out = listed(std::move(items));
  out["date"] = format_date(today);
  co_return http::json_response(200, out);
}

}  // namespace

void add_learner_review_routes(http::Router& router, CatalogApi& api) {
  router.add(Method::get, "/api/catalog/me/mistakes", [&api](Request& request) { return mistake_list(api, request); });
  router.add(Method::get, "/api/catalog/me/review-queue",
             [&api](Request& request) { return review_queue(api, request); });
}

}  // namespace dt::catalog::api
