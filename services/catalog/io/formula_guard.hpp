#pragma once
// Spreadsheet formula injection ("CSV injection", OWASP): Excel, LibreOffice and Google Sheets run a cell that
// starts with = + - @ TAB or CR as a formula, so a question text such as =HYPERLINK(...) in an export would run
// on the admin's machine. The export writes such a cell with a leading apostrophe, the spreadsheets' own "this
// is text" mark; a cell that starts with an apostrophe gets one more, so that the import gives every cell back
// exactly (a hand-written "'quoted" cell, apostrophe then plain text, is left alone).
#include <string>
#include <string_view>

namespace dt::catalog::io {

// The cell as the export writes it.
std::string guard_formula(std::string cell);
// The cell as the import reads it: one leading apostrophe before = + - @ TAB CR or another apostrophe dropped.
std::string_view unguard_formula(std::string_view cell);

}  // namespace dt::catalog::io
