#pragma once
// BankDocument: the content of one "drivetest-bank/1" document (FORMAT.md), the unit of bulk import and export.
// bank_parse.hpp reads one with a full report of what is wrong; bank_to_json writes one.
#include <boost/json/object.hpp>

#include <string_view>
#include <vector>

#include "catalog/domain/blueprint.hpp"
#include "catalog/domain/question.hpp"
#include "catalog/domain/reference_data.hpp"

namespace dt::catalog::io {

inline constexpr std::string_view kBankFormat = "drivetest-bank/1";

struct BankDocument {
  std::vector<Jurisdiction> jurisdictions;
  std::vector<Topic> topics;
  std::vector<LicenceClass> licence_classes;
  std::vector<Question> questions;
  std::vector<Blueprint> blueprints;
};

// Same rows in the same order (written out by hand: the reference structs have no operator==).
bool operator==(const BankDocument& a, const BankDocument& b);

// {"format": "drivetest-bank/1", "jurisdictions": [...], "topics": [...], "licence_classes": [...],
//  "questions": [...], "blueprints": [...]}; parse_bank(bank_to_json(doc)).accepted == doc for a valid doc.
boost::json::object bank_to_json(const BankDocument& document);

}  // namespace dt::catalog::io
