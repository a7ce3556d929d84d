#pragma once
// The checks of an import that look across rows, shared by the JSON and CSV importers: keys given twice
// (external_id; jurisdiction code; topic and licence class code within their jurisdiction; blueprint code and
// version), references to jurisdictions, topics and licence classes that are neither in the import nor already
// known, and overlapping blueprint versions (check_versions). Each problem is a rejection of the later row.
#include <cstddef>
#include <string>
#include <vector>

#include "catalog/domain/blueprint.hpp"
#include "catalog/domain/question.hpp"
#include "catalog/domain/reference_data.hpp"
#include "catalog/io/bank_document.hpp"
#include "catalog/io/import_report.hpp"
#include "catalog/io/known_references.hpp"

namespace dt::catalog::io {

// A row that passed its own checks, with where it came from for the rejections of the cross checks.
template <class T>
struct Row {
  T value;
  std::size_t index = 0;
  std::string path;  // prefix of field names: "questions[3]" in JSON, "" in CSV (fields are column names)
  int line = 0;      // CSV line, 0 in JSON
};

struct BankRows {
  std::vector<Row<Jurisdiction>> jurisdictions;
  std::vector<Row<Topic>> topics;
  std::vector<Row<LicenceClass>> licence_classes;
  std::vector<Row<Question>> questions;
  std::vector<Row<Blueprint>> blueprints;
};

// `available`: what rows may refer to: the known references plus what the import itself declares.
void cross_check(const BankRows& rows, const KnownReferences& available, ImportReport& report);

// The rows without any rejection, in import order.
BankDocument accepted_rows(BankRows rows, const ImportReport& report);

}  // namespace dt::catalog::io
