// POST /api/catalog/practice/answers
//   {"question_id": 12, "answer": {"selected": [0, 2]} | {"value": 50}, "revision": 3 (optional)}
// -> {"question_id", "revision", "correct", "answer", "correct_options": [ids] (choice) |
//     "numeric_answer": {"value", "tolerance"} (numeric), "explanation": text | null, "recorded",
//     "review": {"box", "due"} | null (signed in only: the question's place in the review queue, null when out)}
// The answer is checked against the question's current revision, or the revision the client names (the one it
// showed, should an admin have edited the question since). 404 for a question that is not published; 400
// naming the field for a malformed answer ("answer.selected[1]").
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "catalog/api/caller.hpp"
#include "catalog/api/exam_flow.hpp"
#include "catalog/api/language.hpp"
#include "catalog/api/practice_routes.hpp"
#include "catalog/bank/bank_cache.hpp"
#include "catalog/domain/grading.hpp"
#include "catalog/domain/leitner.hpp"
#include "catalog/io/answer_json.hpp"
#include "catalog/io/decimal_json.hpp"
#include "catalog/store/catalog_store.hpp"
#include "errors/problem.hpp"
#include "http/json_response.hpp"
#include "json/body.hpp"
#include "json/object_reader.hpp"

namespace dt::catalog::api {
namespace {

using http::Method;
using http::Request;
using http::Response;

Problem no_question(QuestionId id) { return Problem::not_found("there is no practice question " + std::to_string(id)); }

void add_key(boost::json::object& out, const Question& q, std::string_view language) {
  if (q.kind == QuestionKind::choice) {
    boost::json::array ids;
    for (std::size_t i = 0; i < q.options.size(); ++i) {
      if (q.options[i].correct) ids.emplace_back(i);
    }
    out["correct_options"] = std::move(ids);
  } else if (q.numeric_answer) {
    out["numeric_answer"] = boost::json::object{{"value", io::decimal_to_json(q.numeric_answer->value)},
                                                {"tolerance", io::decimal_to_json(q.numeric_answer->tolerance)}};
  }
  out["explanation"] =
      q.explanation.empty() ? boost::json::value(nullptr) : boost::json::value(q.explanation.best(language));
}

// Logs the answer and moves the question in the learner's review queue (Leitner); the card it now has, if any.
Awaitable<std::optional<LeitnerCard>> record_practice(CatalogApi& api, const std::string& user, const Question& q,
                                                      bool correct, TimePoint now) {
  std::vector<store::AnswerEntry> entries(1);
  entries[0].question = q.id;
  entries[0].revision = q.revision;
  entries[0].correct = correct;
  entries[0].answered_at = now;
  entries[0].source = store::AnswerSource::practice;
  auto cards = co_await record_answers(api, user, std::move(entries), now);
  co_return cards.front();
}

Awaitable<Response> check_answer(CatalogApi& api, Request& request) {
  const auto caller = caller_of(request);
  const auto body = json::parse_body(request.body);
  const json::ObjectReader in(body);
  in.reject_unknown({"question_id", "revision", "answer"});
  const QuestionId id = in.integer("question_id", {.min = 1});
  const auto revision = in.optional_integer("revision", {.min = 1, .max = INT32_MAX});
  const auto* given_json = in.raw().if_contains("answer");
  if (!given_json || given_json->is_null()) throw Problem::invalid_field("answer", "is required");
  const auto language = language_of(request);
  const TimePoint now = api.clock();

  auto snapshot = co_await api.bank.snapshot();
  const Question* question = snapshot->question(id);
  if (!question || !question->gradable()) throw no_question(id);
  std::optional<Question> shown;
  if (revision && *revision != question->revision) {
    shown = co_await api.store.question_revision(id, static_cast<int>(*revision));
    if (!shown || !shown->gradable()) {
      throw Problem::not_found("question " + std::to_string(id) + " has no revision " + std::to_string(*revision));
    }
    question = &*shown;
  }
  const Answer given = io::answer_from_json(*given_json, *question, "answer");
  const bool correct = is_correct(*question, given);

  boost::json::object out;
  out["question_id"] = question->id;
  out["revision"] = question->revision;
  out["correct"] = correct;
  out["answer"] = io::answer_to_json(given);
  add_key(out, *question, language);
  out["recorded"] = caller.user_id.has_value();
  if (caller.user_id) {
    const auto card = co_await record_practice(api, *caller.user_id, *question, correct, now);
    out["review"] = card ? boost::json::value(boost::json::object{{"box", card->box}, {"due", format_date(card->due)}})
                         : boost::json::value(nullptr);
  }
  co_return http::json_response(200, out);
}

}  // namespace

void add_practice_answer_routes(http::Router& router, CatalogApi& api) {
  router.add(Method::post, "/api/catalog/practice/answers",
             [&api](Request& request) { return check_answer(api, request); });
}

}  // namespace dt::catalog::api
