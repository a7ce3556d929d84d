// The admin's whole-bank routes: bulk import (a drivetest-bank/1 JSON document or a questions CSV, all or
// nothing), export in the same formats, and the bank report (can each blueprint be drawn from the bank?).
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "catalog/api/admin_routes.hpp"
#include "catalog/bank/bank_cache.hpp"
#include "catalog/domain/bank_validation.hpp"
#include "catalog/io/bank_document.hpp"
#include "catalog/io/bank_parse.hpp"
#include "catalog/io/question_csv.hpp"
#include "catalog/store/catalog_store.hpp"
#include "errors/problem.hpp"
#include "http/json_response.hpp"
#include "json/body.hpp"

namespace dt::catalog::api {
namespace {

using http::Method;
using http::Request;
using http::Response;

constexpr std::string_view kJson = "application/json";
constexpr std::string_view kCsv = "text/csv";

// "Text/CSV; charset=utf-8" -> "text/csv".
std::string media_type(std::string_view content_type) {
  auto type = content_type.substr(0, content_type.find(';'));
  while (!type.empty() && (type.front() == ' ' || type.front() == '\t')) type.remove_prefix(1);
  while (!type.empty() && (type.back() == ' ' || type.back() == '\t')) type.remove_suffix(1);
  std::string lower;
  for (char c : type) lower += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return lower;
}

// Every non-deleted question (any status), by external_id, a page at a time.
Awaitable<std::vector<Question>> all_questions(store::CatalogStore& store,
                                               std::optional<JurisdictionCode> jurisdiction) {
  store::QuestionFilter filter;
  filter.jurisdiction = std::move(jurisdiction);
  filter.size = store::kMaxPageSize;
  std::vector<Question> out;
  for (;; ++filter.page) {
    auto page = co_await store.list_questions(filter);
    const bool last = page.items.size() < static_cast<std::size_t>(filter.size);
    out.insert(out.end(), std::make_move_iterator(page.items.begin()), std::make_move_iterator(page.items.end()));
    if (last) break;
  }
  co_return out;
}

// The jurisdictions a report or export covers: all, or the one asked for (404 when there is none).
Awaitable<std::vector<Jurisdiction>> jurisdictions_of(CatalogApi& api, const Request& request) {
  const auto wanted = jurisdiction_query(request);
  auto all = co_await api.store.jurisdictions();
  if (!wanted) co_return all;
  std::vector<Jurisdiction> one;
  for (auto& j : all) {
    if (j.code == *wanted) one.push_back(std::move(j));
  }
  if (one.empty()) throw Problem::not_found("there is no jurisdiction '" + wanted->value() + "'");
  co_return one;
}

// --- Import.

boost::json::object section_json(const store::SectionSummary& s) {
  return {{"created", s.created}, {"revised", s.revised}, {"unchanged", s.unchanged}};
}

boost::json::object summary_json(const store::ImportSummary& summary, const io::ImportReport& report) {
  boost::json::object rows;
  for (const auto& [section, count] : report.rows()) rows[section] = count;
  return {{"changed", summary.changed()},
          {"bank_version", summary.bank_version},
          {"rows", std::move(rows)},
          {"jurisdictions", section_json(summary.jurisdictions)},
          {"topics", section_json(summary.topics)},
          {"licence_classes", section_json(summary.licence_classes)},
          {"questions", section_json(summary.questions)},
          {"blueprints", section_json(summary.blueprints)}};
}

// 422: a problem document carrying the whole report, every rejected row and why.
Response rejected(const io::ImportReport& report, const Request& request) {
  auto doc = io::import_report_to_json(report);
  doc["type"] = "/problems/import-rejected";
  doc["title"] = "Import rejected";
  doc["status"] = 422;
  doc["detail"] = std::to_string(report.rejection_count()) + " problem(s) in the import; nothing was imported";
  doc["instance"] = request.path;
  auto response = http::json_response(422, doc);
  response.headers.set("Content-Type", std::string(kProblemContentType));
  return response;
}

Awaitable<Response> bulk_import(CatalogApi& api, Request& request, std::string actor) {
  const auto type = media_type(request.header("Content-Type"));
  if (type != kJson && type != kCsv) {
    throw Problem::unsupported_media_type(
        "send a drivetest-bank/1 document as application/json, or questions as text/csv");
  }
  const auto known = co_await api.store.known_references();
  io::BankParse parsed;
  if (type == kCsv) {
    parsed = io::parse_questions_csv(request.body, known);
  } else {
    const auto document = json::parse_body(request.body);
    parsed = io::parse_bank(document, known);
  }
  if (!parsed.report.ok()) co_return rejected(parsed.report, request);
  const auto summary = co_await api.store.import_bank(parsed.accepted, actor);
  co_await api.bank.changed();
  co_return http::json_response(200, summary_json(summary, parsed.report));
}

// --- Export.

// The bank as stored: reference rows, every non-deleted question (drafts too) and blueprint. Questions carry no
// store ids: external_id is the interchange key.
Awaitable<io::BankDocument> bank_document(CatalogApi& api, std::vector<Jurisdiction> jurisdictions, bool one) {
  io::BankDocument doc;
  for (auto& j : jurisdictions) {
    auto topics = co_await api.store.topics(j.code);
    auto classes = co_await api.store.licence_classes(j.code);
    auto blueprints = co_await api.store.blueprints(j.code);
    doc.topics.insert(doc.topics.end(), topics.begin(), topics.end());
    doc.licence_classes.insert(doc.licence_classes.end(), classes.begin(), classes.end());
    doc.blueprints.insert(doc.blueprints.end(), blueprints.begin(), blueprints.end());
    doc.jurisdictions.push_back(std::move(j));
  }
  std::optional<JurisdictionCode> filter;
  if (one) filter = doc.jurisdictions.front().code;
  doc.questions = co_await all_questions(api.store, filter);
  for (auto& q : doc.questions) {
    q.id = 0;
    q.revision = 0;
  }
  co_return doc;
}

Awaitable<Response> export_bank(CatalogApi& api, Request& request, std::string) {
  const auto format = request.query_param("format").value_or("json");
  if (format != "json" && format != "csv") throw Problem::invalid_field("format", "must be json or csv");
  const bool one = jurisdiction_query(request).has_value();
  auto jurisdictions = co_await jurisdictions_of(api, request);
  const std::string suffix = one ? "-" + jurisdictions.front().code.value() : "";
  const auto doc = co_await bank_document(api, std::move(jurisdictions), one);
  Response response;
  std::string file;
  if (format == "csv") {
    response = Response::text(200, io::questions_to_csv(doc.questions), "text/csv; charset=utf-8");
    file = "drivetest-questions" + suffix + ".csv";
  } else {
    response = http::json_response(200, io::bank_to_json(doc));
    file = "drivetest-bank" + suffix + ".json";
  }
  response.headers.add("Content-Disposition", "attachment; filename=\"" + file + "\"");
  co_return response;
}

// --- Bank report.

boost::json::array problems_json(const ValidationProblems& problems) {
  boost::json::array out;
  for (const auto& p : problems) out.push_back(boost::json::object{{"field", p.field}, {"message", p.message}});
  return out;
}

boost::json::object pool_json(const PoolReport& pool) {
  boost::json::array topics;
  for (const auto& t : pool.topics) topics.push_back(boost::json::value(t.value()));
  return {{"field", pool.field},         {"topics", std::move(topics)},     {"needed", pool.needed},
          {"available", pool.available}, {"satisfiable", pool.satisfiable}, {"severity", to_string(pool.severity)}};
}

boost::json::object blueprint_report_json(const BlueprintReport& report, const Blueprint& blueprint) {
  boost::json::array quotas;
  for (const auto& q : report.quotas) quotas.push_back(pool_json(q));
  boost::json::array groups;
  for (const auto& g : report.groups) {
    boost::json::array ids;
    for (auto id : g.questions) ids.push_back(id);
    groups.push_back(boost::json::object{{"group", g.group}, {"questions", std::move(ids)}, {"message", g.message}});
  }
  return {{"code", report.code},
          {"version", report.version},
          {"licence_class", blueprint.licence_class.value()},
          {"drawable", report.drawable},
          {"problems", problems_json(report.problems)},
          {"quotas", std::move(quotas)},
          {"critical", pool_json(report.critical)},
          {"groups", std::move(groups)}};
}

boost::json::object bank_report_json(const Jurisdiction& jurisdiction, const BankReport& report,
                                     const std::vector<Blueprint>& blueprints) {
  boost::json::array questions;
  for (const auto& q : report.invalid_questions) {
    questions.push_back(boost::json::object{{"id", q.id},
                                            {"external_id", q.external_id},
                                            {"status", to_string(q.status)},
                                            {"problems", problems_json(q.problems)}});
  }
  boost::json::array blueprint_reports;
  for (std::size_t i = 0; i < report.blueprints.size(); ++i) {
    blueprint_reports.push_back(blueprint_report_json(report.blueprints[i], blueprints[i]));
  }
  boost::json::array versions;  // check_versions names "blueprints[i]": name the blueprint instead
  for (const auto& p : report.version_problems) {
    const auto open = p.field.find('[');
    const std::size_t i = open == std::string::npos ? blueprints.size() : std::stoul(p.field.substr(open + 1));
    boost::json::object item{{"message", p.message}};
    if (i < blueprints.size()) {
      item["code"] = blueprints[i].code;
      item["version"] = blueprints[i].version;
    }
    versions.push_back(std::move(item));
  }
  return {{"jurisdiction", jurisdiction.code.value()},
          {"ok", report.ok()},
          {"invalid_questions", std::move(questions)},
          {"blueprints", std::move(blueprint_reports)},
          {"version_problems", std::move(versions)}};
}

// validate_bank per jurisdiction, over its non-deleted questions (drafts are checked too; only published ones
// count towards the pools) and blueprint versions.
Awaitable<Response> bank_report(CatalogApi& api, Request& request, std::string) {
  const auto jurisdictions = co_await jurisdictions_of(api, request);
  boost::json::array reports;
  bool ok = true;
  for (const auto& j : jurisdictions) {
    const auto questions = co_await all_questions(api.store, j.code);
    const auto blueprints = co_await api.store.blueprints(j.code);
    const auto report = validate_bank(questions, blueprints);
    ok = ok && report.ok();
    reports.push_back(bank_report_json(j, report, blueprints));
  }
  co_return http::json_response(200, boost::json::object{{"ok", ok}, {"jurisdictions", std::move(reports)}});
}

}  // namespace

void add_admin_bank_routes(http::Router& router, CatalogApi& api) {
  router.add(Method::post, "/api/catalog/admin/import", admin_only(api, bulk_import));
  router.add(Method::get, "/api/catalog/admin/export", admin_only(api, export_bank));
  router.add(Method::get, "/api/catalog/admin/bank-report", admin_only(api, bank_report));
}

}  // namespace dt::catalog::api
