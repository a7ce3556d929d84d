#include "catalog/api/exam_routes.hpp"

#include <boost/json/object.hpp>

#include <random>

#include "catalog/api/exam_flow.hpp"
#include "catalog/api/language.hpp"
#include "catalog/bank/bank_cache.hpp"
#include "catalog/domain/exam_session.hpp"
#include "catalog/io/answer_json.hpp"
#include "catalog/io/exam_json.hpp"
#include "catalog/io/result_json.hpp"
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

constexpr int kRecentExamsAvoided = 3;

std::uint64_t fresh_seed() {
  thread_local std::mt19937_64 rng{std::random_device{}()};
  return rng();
}

// Positions in URLs count from 1, as the exam document shows them.
std::size_t index_of(const Request& request, const LoadedExam& loaded) {
  const auto& text = request.param("position");
  std::size_t position = 0;
  for (char c : text) {
    if (c < '0' || c > '9' || position > 1000) throw Problem::invalid_field("position", "must be a number");
    position = position * 10 + static_cast<std::size_t>(c - '0');
  }
  if (position < 1 || position > loaded.exam.drawn.size()) {
    throw Problem::not_found("the exam has no question " + text);
  }
  return position - 1;
}

boost::json::object exam_document(const LoadedExam& loaded, const std::string& language, TimePoint now) {
  auto doc = io::exam_to_json(loaded.exam.session, loaded.content, language, now);
  doc["id"] = loaded.exam.id;
  doc["jurisdiction"] = loaded.exam.jurisdiction.value();
  doc["licence_class"] = loaded.exam.licence_class.value();
  doc["blueprint"] = {{"code", loaded.blueprint.code}, {"version", loaded.blueprint.version}};
  if (loaded.exam.session.result) {
    doc["result"] = io::result_to_json(*loaded.exam.session.result, loaded.content, loaded.exam.session, language);
  }
  return doc;
}

Awaitable<Response> start(CatalogApi& api, Request& request) {
  const auto body = json::parse_body(request.body);
  const json::ObjectReader in(body);
  in.reject_unknown({"jurisdiction", "licence_class"});
  const JurisdictionCode jurisdiction(in.string("jurisdiction", {.min_length = 1, .max_length = 64}));
  const LicenceClassCode licence_class(in.string("licence_class", {.min_length = 1, .max_length = 64}));
  const auto caller = caller_of(request);
  const auto language = language_of(request);
  const TimePoint now = api.clock();

  auto snapshot = co_await api.bank.snapshot();
  const Blueprint* blueprint =
      snapshot->blueprint_for(jurisdiction, licence_class, std::chrono::floor<std::chrono::days>(now));
  if (!blueprint) {
    throw Problem::not_found("no exam format is in force for licence class '" + licence_class.value() + "' in '" +
                             jurisdiction.value() + "'");
  }
  std::vector<QuestionId> seen;
  if (caller.user_id) seen = co_await api.store.recently_seen(*caller.user_id, kRecentExamsAvoided);

  store::StoredExam exam;
  exam.user_id = caller.user_id;
  exam.jurisdiction = jurisdiction;
  exam.licence_class = licence_class;
  exam.blueprint_code = blueprint->code;
  exam.blueprint_version = blueprint->version;
  exam.seed = fresh_seed();
  exam.drawn = snapshot->draw_for(*blueprint).draw(exam.seed, seen);
  exam.session = start_exam(*blueprint, exam.drawn, now);
  exam = co_await api.store.create_exam(std::move(exam));

  LoadedExam loaded{std::move(exam), *blueprint, {}};
  for (const auto& d : loaded.exam.drawn) loaded.content.push_back(*snapshot->question(d.id));
  auto response = http::json_response(201, exam_document(loaded, language, now));
  response.headers.add("Location", "/api/catalog/exams/" + loaded.exam.id);
  co_return response;
}

Awaitable<Response> show(CatalogApi& api, Request& request) {
  const auto now = api.clock();
  auto loaded = co_await load_exam(api, request.param("id"), caller_of(request));
  co_await expire_if_due(api, loaded, now);
  co_return http::json_response(200, exam_document(loaded, language_of(request), now));
}

Awaitable<Response> put_answer(CatalogApi& api, Request& request) {
  const auto now = api.clock();
  const auto body = json::parse_body(request.body);
  auto loaded = co_await load_exam(api, request.param("id"), caller_of(request));
  const auto index = index_of(request, loaded);
  auto given = io::answer_from_json(body, loaded.exam.drawn[index], "body");
  answer(loaded.exam.session, index, std::move(given), now);
  co_await save(api, loaded);
  boost::json::object out;
  out["position"] = index + 1;
  out["answer"] = io::answer_to_json(loaded.exam.session.answers[index]->answer);
  out["remaining_seconds"] =
      std::chrono::duration_cast<std::chrono::seconds>(remaining(loaded.exam.session, now)).count();
  co_return http::json_response(200, out);
}

Awaitable<Response> put_flag(CatalogApi& api, Request& request) {
  const auto now = api.clock();
  const auto body = json::parse_body(request.body);
  const json::ObjectReader in(body);
  in.reject_unknown({"flagged"});
  const bool on = in.boolean("flagged");
  auto loaded = co_await load_exam(api, request.param("id"), caller_of(request));
  const auto index = index_of(request, loaded);
  flag(loaded.exam.session, index, on, now);
  co_await save(api, loaded);
  boost::json::object out;
  out["position"] = index + 1;
  out["flagged"] = on;
  co_return http::json_response(200, out);
}

Awaitable<Response> submit_exam(CatalogApi& api, Request& request) {
  const auto now = api.clock();
  auto loaded = co_await load_exam(api, request.param("id"), caller_of(request));
  const bool first = !loaded.exam.session.finished();
  const auto& result = submit(loaded.exam.session, loaded.blueprint, loaded.content, now);
  if (first) {
    co_await save(api, loaded);
    co_await record_learning(api, loaded, now);
  }
  co_return http::json_response(200,
                                io::result_to_json(result, loaded.content, loaded.exam.session, language_of(request)));
}

Awaitable<Response> result(CatalogApi& api, Request& request) {
  const auto now = api.clock();
  auto loaded = co_await load_exam(api, request.param("id"), caller_of(request));
  co_await expire_if_due(api, loaded, now);
  if (!loaded.exam.session.result) {
    throw Problem::conflict("the exam is still in progress: submit it to see the result");
  }
  co_return http::json_response(
      200, io::result_to_json(*loaded.exam.session.result, loaded.content, loaded.exam.session, language_of(request)));
}

}  // namespace

void add_exam_routes(http::Router& router, CatalogApi& api) {
  const auto route = [&api](auto handler) {
    return [&api, handler](Request& request) { return handler(api, request); };
  };
  router.add(Method::post, "/api/catalog/exams", route(start));
  router.add(Method::get, "/api/catalog/exams/{id}", route(show));
  router.add(Method::put, "/api/catalog/exams/{id}/answers/{position}", route(put_answer));
  router.add(Method::put, "/api/catalog/exams/{id}/flags/{position}", route(put_flag));
  router.add(Method::post, "/api/catalog/exams/{id}/submit", route(submit_exam));
  router.add(Method::get, "/api/catalog/exams/{id}/result", route(result));
}

}  // namespace dt::catalog::api
