#pragma once
// parse_bank: reads a whole "drivetest-bank/1" document for an all-or-nothing import. Every row is read and
// checked (structure, the domain validators, then the cross checks of bank_cross_check.hpp); each problem
// becomes a Rejection instead of stopping at the first. The caller imports `accepted` only when
// report.ok(): `accepted` holds just the rows without a rejection, so a partial import is never meant.
//
// The sections are optional (a document may add questions to jurisdictions the catalogue already has: pass
// those in `known`); "format" is required and must be "drivetest-bank/1".
#include <boost/json/value.hpp>

#include "catalog/io/bank_document.hpp"
#include "catalog/io/import_report.hpp"
#include "catalog/io/known_references.hpp"

namespace dt::catalog::io {

struct BankParse {
  BankDocument accepted;
  ImportReport report;
};

// Linear in the size of the document (plus a log factor for the key sets).
BankParse parse_bank(const boost::json::value& document, const KnownReferences& known = {});

}  // namespace dt::catalog::io
