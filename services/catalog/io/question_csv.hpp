#pragma once
// Questions <-> CSV, in the layout of question_csv_layout.hpp, for the admin's bulk import and export.
//
// parse_questions_csv reads every row like parse_bank (bank_parse.hpp) and reports each problem as a Rejection
// naming the CSV line and column ("line 7, option2_vi"): syntax errors and header problems in section "csv",
// row problems in section "questions" (index = data row from 0). Jurisdictions and topics must be known (a CSV
// holds questions only). Import `accepted.questions` only when report.ok().
#include <span>
#include <string>
#include <string_view>

#include "catalog/domain/question.hpp"
#include "catalog/io/bank_parse.hpp"
#include "catalog/io/known_references.hpp"

namespace dt::catalog::io {

struct CsvExportOptions {
  // Lets Excel recognise UTF-8 (without it, Vietnamese text opens garbled); the reader skips it.
  bool byte_order_mark = true;
};

std::string questions_to_csv(std::span<const Question> questions, const CsvExportOptions& options = {});

BankParse parse_questions_csv(std::string_view text, const KnownReferences& known);

}  // namespace dt::catalog::io
