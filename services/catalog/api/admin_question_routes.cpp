// The admin's question routes: the table (every status, with the answers), one question, its revisions, and
// create / edit (a new revision when the content changed) / soft delete. Exams keep the revisions they drew.
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "catalog/api/admin_routes.hpp"
#include "catalog/bank/bank_cache.hpp"
#include "catalog/io/bank_cross_check.hpp"
#include "catalog/io/instant_json.hpp"
#include "catalog/io/question_json.hpp"
#include "catalog/store/catalog_store.hpp"
#include "errors/problem.hpp"
#include "http/json_response.hpp"
#include "json/body.hpp"

namespace dt::catalog::api {
namespace {

using http::Method;
using http::Request;
using http::Response;

constexpr std::string_view kQuestions = "/api/catalog/admin/questions";
constexpr std::size_t kMaxSearchLength = 200;

QuestionId question_id(const Request& request) {
  const auto& text = request.param("id");
  const auto id = positive_number(text);
  if (!id) throw Problem::not_found("there is no question '" + text + "'");
  return *id;
}

template <class CodeType>
std::optional<CodeType> code_query(const Request& request, std::string_view name) {
  auto text = request.query_param(name);
  if (!text || text->empty()) return std::nullopt;
  CodeType code(std::move(*text));
  if (!code.valid()) throw Problem::invalid_field(std::string(name), "is not a code");
  return code;
}

int number_query(const Request& request, std::string_view name, int fallback, std::int64_t max) {
  const auto text = request.query_param(name);
  if (!text || text->empty()) return fallback;
  const auto value = positive_number(*text);
  if (!value || *value > max) {
    throw Problem::invalid_field(std::string(name), "must be a whole number from 1 to " + std::to_string(max));
  }
  return static_cast<int>(*value);
}

store::QuestionFilter filter_of(const Request& request) {
  store::QuestionFilter filter;
  filter.jurisdiction = jurisdiction_query(request);
  filter.topic = code_query<TopicCode>(request, "topic");
  if (auto status = request.query_param("status"); status && !status->empty()) {
    filter.status = parse_question_status(*status);
    if (!filter.status) throw Problem::invalid_field("status", "must be draft, published or retired");
  }
  if (auto text = request.query_param("q"); text && !text->empty()) {
    if (text->size() > kMaxSearchLength) {
      throw Problem::invalid_field("q", "must be at most " + std::to_string(kMaxSearchLength) + " bytes");
    }
    filter.text = std::move(*text);
  }
  filter.page = number_query(request, "page", 1, 1'000'000);
  filter.size = number_query(request, "size", 50, store::kMaxPageSize);
  return filter;
}

// The jurisdiction and topic must exist: the import's cross check, on this one row.
Awaitable<void> check_references(CatalogApi& api, const Question& question) {
  const auto known = co_await api.store.known_references();
  io::BankRows rows;
  rows.questions.push_back(io::Row<Question>{question, 0, "", 0});
  io::ImportReport report;
  io::cross_check(rows, known, report);
  report.finish();
  if (!report.ok()) {
    const auto& first = report.rejections().front();
    throw Problem::invalid_field(first.field, first.message);
  }
}

// The body of a create or an edit: a FORMAT.md question object, validated; 400 naming the first bad field.
Question question_of(const Request& request) {
  const auto body = json::parse_body(request.body);
  return io::question_from_json(body, "");
}

Awaitable<Response> list(CatalogApi& api, Request& request, std::string) {
  const auto filter = filter_of(request);
  const auto page = co_await api.store.list_questions(filter);
  boost::json::array items;
  for (const auto& q : page.items) items.push_back(io::question_to_json(q));
  const boost::json::object out{
      {"items", std::move(items)}, {"total", page.total}, {"page", filter.page}, {"size", filter.size}};
  co_return http::json_response(200, out);
}

Awaitable<Response> show(CatalogApi& api, Request& request, std::string) {
  const auto id = question_id(request);
  const auto question = co_await api.store.question(id);
  if (!question) throw Problem::not_found("there is no question " + std::to_string(id));
  co_return http::json_response(200, io::question_to_json(*question));
}

Awaitable<Response> revisions(CatalogApi& api, Request& request, std::string) {
  const auto id = question_id(request);
  const auto history = co_await api.store.question_revisions(id);
  if (history.empty()) throw Problem::not_found("there is no question " + std::to_string(id));
  boost::json::array items;
  for (const auto& r : history) {
    items.push_back(boost::json::object{{"revision", r.question.revision},
                                        {"created_at", io::format_instant(r.created_at)},
                                        {"created_by", r.created_by},
                                        {"question", io::question_to_json(r.question)}});
  }
  co_return http::json_response(200, boost::json::object{{"id", id}, {"items", std::move(items)}});
}

Awaitable<Response> create(CatalogApi& api, Request& request, std::string actor) {
  const Question question = question_of(request);
  if (question.id != 0) throw Problem::invalid_field("id", "is assigned by the catalogue: leave it out");
  if (question.revision != 0) throw Problem::invalid_field("revision", "is assigned by the catalogue: leave it out");
  co_await check_references(api, question);
  const QuestionId id = co_await api.store.create_question(question, actor);
  co_await api.bank.changed();
  const auto stored = co_await api.store.question_revision(id, 1);
  if (!stored) throw Problem::not_found("question " + std::to_string(id) + " is gone");
  auto response = http::json_response(201, io::question_to_json(*stored));
  response.headers.add("Location", std::string(kQuestions) + "/" + std::to_string(id));
  co_return response;
}

// The question's content becomes the body's; a new revision when it differs. "revision" in the body is
// ignored (the answer names the revision now current).
Awaitable<Response> update(CatalogApi& api, Request& request, std::string actor) {
  const auto id = question_id(request);
  const Question question = question_of(request);
  if (question.id != 0 && question.id != id) {
    throw Problem::invalid_field(
        "id", "is " + std::to_string(question.id) + " but the URL names question " + std::to_string(id));
  }
  co_await check_references(api, question);
  const int revision = co_await api.store.update_question(id, question, actor);
  co_await api.bank.changed();
  const auto stored = co_await api.store.question_revision(id, revision);
  if (!stored) throw Problem::not_found("there is no question " + std::to_string(id));
  co_return http::json_response(200, io::question_to_json(*stored));
}

Awaitable<Response> soft_delete(CatalogApi& api, Request& request, std::string actor) {
  const auto id = question_id(request);
  co_await api.store.delete_question(id, actor);
  co_await api.bank.changed();
  co_return Response::no_content();
}

}  // namespace

void add_admin_question_routes(http::Router& router, CatalogApi& api) {
  const std::string base(kQuestions);
  router.add(Method::get, base, admin_only(api, list));
  router.add(Method::post, base, admin_only(api, create));
  router.add(Method::get, base + "/{id}", admin_only(api, show));
  router.add(Method::put, base + "/{id}", admin_only(api, update));
  router.add(Method::delete_, base + "/{id}", admin_only(api, soft_delete));
  router.add(Method::get, base + "/{id}/revisions", admin_only(api, revisions));
}

}  // namespace dt::catalog::api
