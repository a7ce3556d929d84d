#pragma once
// An RFC 4180 CSV reader, written by hand because Boost has no CSV parser. It reads what spreadsheets write:
// - fields separated by ',', records by CRLF, LF or a lone CR;
// - a field in double quotes may hold commas, CR/LF line breaks (kept byte for byte) and quotes doubled ("");
// - a UTF-8 byte order mark before the first field is skipped (Excel writes one);
// - empty lines are skipped; a final line break is optional.
// It is strict where a lenient reader would guess: a quote inside an unquoted field, text after a closing
// quote, or a quoted field left open is a syntax error. Reading stops at the first syntax error (after it the
// record boundaries are unknown); the records before it are kept.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dt::catalog::io {

struct CsvRecord {
  std::vector<std::string> fields;
  int line = 0;  // the line the record starts on, from 1

  friend bool operator==(const CsvRecord&, const CsvRecord&) = default;
};

struct CsvSyntaxError {
  int line = 0;
  std::string message;

  friend bool operator==(const CsvSyntaxError&, const CsvSyntaxError&) = default;
};

struct CsvTable {
  std::vector<CsvRecord> records;
  std::optional<CsvSyntaxError> error;
};

CsvTable read_csv(std::string_view text);

}  // namespace dt::catalog::io
