#pragma once
// Writing RFC 4180 CSV that csv_reader.hpp (and spreadsheets) read back unchanged: a field is quoted when it
// holds a comma, a quote, CR or LF, or starts or ends with a space; quotes are doubled; records end in CRLF.
#include <string>
#include <string_view>
#include <vector>

namespace dt::catalog::io {

inline constexpr std::string_view kUtf8ByteOrderMark = "\xEF\xBB\xBF";

void append_csv_field(std::string& out, std::string_view field);
// The fields separated by commas, then CRLF.
void append_csv_record(std::string& out, const std::vector<std::string>& fields);

}  // namespace dt::catalog::io
