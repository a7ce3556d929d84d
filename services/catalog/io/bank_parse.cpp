#include "catalog/io/bank_parse.hpp"

#include <boost/json/object.hpp>

#include <algorithm>
#include <array>
#include <string_view>

#include "catalog/domain/blueprint_validation.hpp"
#include "catalog/domain/question_validation.hpp"
#include "catalog/io/bank_cross_check.hpp"
#include "catalog/io/blueprint_json.hpp"
#include "catalog/io/json_fields.hpp"
#include "catalog/io/question_json.hpp"
#include "catalog/io/reference_json.hpp"
#include "catalog/io/rejection_of.hpp"
#include "errors/problem.hpp"

namespace dt::catalog::io {

namespace {

constexpr std::size_t kMaxRows = 50'000;
constexpr std::array<std::string_view, 6> kMembers{"format",          "jurisdictions", "topics",
                                                   "licence_classes", "questions",     "blueprints"};

// A string member of a row, read without judging the row: for rejection keys and declared references.
std::string raw_string(const boost::json::value& row, std::string_view name) {
  const auto* object = row.if_object();
  const auto* member = object ? object->if_contains(name) : nullptr;
  const auto* text = member ? member->if_string() : nullptr;
  return text ? std::string(*text) : std::string();
}

void reject_document(ImportReport& report, std::string field, std::string message) {
  report.reject({"document", 0, "", std::move(field), std::move(message), 0});
}

void check_format(const boost::json::object& root, ImportReport& report) {
  const std::string expected = "must be \"" + std::string(kBankFormat) + "\"";
  const auto* format = root.if_contains("format");
  if (!format || format->is_null()) {
    reject_document(report, "format", "is required and " + expected);
  } else if (!format->is_string() || format->get_string() != kBankFormat) {
    reject_document(report, "format", expected + ", the only format this importer reads");
  }
  for (const auto& member : root) {
    if (std::find(kMembers.begin(), kMembers.end(), member.key()) == kMembers.end()) {
      reject_document(report, std::string(member.key()), "is not a known field");
    }
  }
}

// The rows of section `name`; nullptr (and a rejection when present but wrong) unless it is a usable array.
const boost::json::array* section(const boost::json::object& root, std::string_view name, ImportReport& report) {
  const auto* value = root.if_contains(name);
  if (!value || value->is_null()) return nullptr;
  const auto* rows = value->if_array();
  if (!rows) {
    reject_document(report, std::string(name), "must be an array, not " + std::string(json::kind_name(*value)));
  } else if (rows->size() > kMaxRows) {
    reject_document(report, std::string(name), "must have at most " + std::to_string(kMaxRows) + " rows");
    return nullptr;
  } else {
    report.count_rows(std::string(name), rows->size());
  }
  return rows;
}

// Reads each row with `read` (throws dt::Problem) then `validate` (the domain's problems, each a rejection).
template <class T, class Read, class Validate>
void read_rows(const boost::json::array* items, const std::string& name, std::string_view key_member, Read read,
               Validate validate_row, std::vector<Row<T>>& rows, ImportReport& report) {
  if (!items) return;
  rows.reserve(items->size());
  for (std::size_t i = 0; i < items->size(); ++i) {
    const std::string path = index_path(name, i);
    const std::string key = raw_string((*items)[i], key_member);
    try {
      T value = read((*items)[i], path);
      const ValidationProblems problems = validate_row(value);
      for (const ValidationProblem& p : problems) {
        report.reject({name, i, key, field_path(path, p.field), p.message, 0});
      }
      if (problems.empty()) rows.push_back({std::move(value), i, path, 0});
    } catch (const Problem& problem) {
      report.reject(rejection_of(problem, name, i, key));
    }
  }
}

const auto no_more_checks = [](const auto&) { return ValidationProblems{}; };
const auto domain_checks = [](const auto& value) { return validate(value); };

// What the document declares, from every row whose codes can be read, valid or not: a broken topic row is
// rejected once, not once more for every question that refers to it.
void add_declared(const boost::json::object& root, KnownReferences& available) {
  const auto rows = [&](std::string_view name) -> const boost::json::array* {
    const auto* value = root.if_contains(name);
    return value ? value->if_array() : nullptr;
  };
  if (const auto* items = rows("jurisdictions")) {
    for (const auto& row : *items) available.jurisdictions.emplace(raw_string(row, "code"));
  }
  if (const auto* items = rows("topics")) {
    for (const auto& row : *items) {
      available.topics.emplace(JurisdictionCode(raw_string(row, "jurisdiction")), TopicCode(raw_string(row, "code")));
    }
  }
  if (const auto* items = rows("licence_classes")) {
    for (const auto& row : *items) {
      available.licence_classes.emplace(JurisdictionCode(raw_string(row, "jurisdiction")),
                                        LicenceClassCode(raw_string(row, "code")));
    }
  }
}

}  // namespace

BankParse parse_bank(const boost::json::value& document, const KnownReferences& known) {
  BankParse out;
  ImportReport& report = out.report;
  const auto* root = document.if_object();
  if (!root) {
    reject_document(report, "body", "must be a JSON object, not " + std::string(json::kind_name(document)));
    report.finish();
    return out;
  }
  check_format(*root, report);
  BankRows rows;
  read_rows(section(*root, "jurisdictions", report), "jurisdictions", "code", jurisdiction_from_json, no_more_checks,
            rows.jurisdictions, report);
  read_rows(section(*root, "topics", report), "topics", "code", topic_from_json, no_more_checks, rows.topics, report);
  read_rows(section(*root, "licence_classes", report), "licence_classes", "code", licence_class_from_json,
            no_more_checks, rows.licence_classes, report);
  read_rows(section(*root, "questions", report), "questions", "external_id", read_question, domain_checks,
            rows.questions, report);
  read_rows(section(*root, "blueprints", report), "blueprints", "code", read_blueprint, domain_checks, rows.blueprints,
            report);
  KnownReferences available = known;
  add_declared(*root, available);
  cross_check(rows, available, report);
  report.finish();
  out.accepted = accepted_rows(std::move(rows), report);
  return out;
}

}  // namespace dt::catalog::io
