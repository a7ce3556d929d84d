#include "catalog/io/bank_document.hpp"

#include <algorithm>

#include "catalog/io/blueprint_json.hpp"
#include "catalog/io/question_json.hpp"
#include "catalog/io/reference_json.hpp"

namespace dt::catalog::io {

namespace {

template <class T>
bool same_rows(const std::vector<T>& a, const std::vector<T>& b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](const T& x, const T& y) { return same(x, y); });
}

template <class T, class Write>
boost::json::array rows_to_json(const std::vector<T>& rows, Write write) {
  boost::json::array out;
  out.reserve(rows.size());
  for (const T& row : rows) out.push_back(write(row));
  return out;
}

}  // namespace

bool operator==(const BankDocument& a, const BankDocument& b) {
  return same_rows(a.jurisdictions, b.jurisdictions) && same_rows(a.topics, b.topics) &&
         same_rows(a.licence_classes, b.licence_classes) && a.questions == b.questions && a.blueprints == b.blueprints;
}

boost::json::object bank_to_json(const BankDocument& d) {
  boost::json::object out;
  out["format"] = kBankFormat;
  out["jurisdictions"] = rows_to_json(d.jurisdictions, jurisdiction_to_json);
  out["topics"] = rows_to_json(d.topics, topic_to_json);
  out["licence_classes"] = rows_to_json(d.licence_classes, licence_class_to_json);
  out["questions"] = rows_to_json(d.questions, question_to_json);
  out["blueprints"] = rows_to_json(d.blueprints, blueprint_to_json);
  return out;
}

}  // namespace dt::catalog::io
