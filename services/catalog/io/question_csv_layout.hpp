#pragma once
// The column layout of the question CSV (bulk import and export for spreadsheets). One row per question, a
// header row naming the columns; columns may come in any order, and only external_id, jurisdiction, topic,
// kind and at least one text_<lang> are required. <lang> is a language code (vi, en, de, en-GB, ...): the
// export writes one column per language used, vi and en first ("text_vi,text_en").
//
//   external_id, jurisdiction, topic   as in the JSON format
//   kind                                choice | numeric
//   text_<lang>                         the question text; an empty cell means no text in that language
//   option<N>_<lang>                    N = 1..6: option N's text; the options are the leading non-empty N
//   correct                             the correct options by number, separated by ';': "1;3"
//   numeric_value, numeric_tolerance    numeric questions: exact decimals with up to 3 places ("2.5");
//                                       an empty tolerance is 0
//   explanation_<lang>                  shown after the exam
//   media                               space-separated storage keys; a video key is written "video:<key>"
//                                       (an "image:" prefix is accepted too): "signs/p-102.png video:clips/17.mp4"
//   weight                              whole number, empty = 1
//   critical, shuffle_options           true | false (any case; 1 | 0 too); empty = false, true
//   pools, tags                         space-separated names
//   group                               the group id, empty = none
//   status                              draft | published | retired, empty = draft
//
// Limits of the format: media keys must not contain spaces; an empty and a missing translation are the same
// (both an empty cell); ids and revisions are not written (external_id is the import key).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dt::catalog::io {

inline constexpr int kCsvOptionCount = 6;

struct CsvColumn {
  enum class Kind { plain, text, option, explanation };
  Kind kind = Kind::plain;
  std::string language;  // text, option, explanation
  int option = 0;        // option: 1..6
};

// nullopt for a name that is not a column of the layout ("text_EN", "option7_vi", "answer").
std::optional<CsvColumn> parse_csv_column(std::string_view name);

// The header for these languages, in the order of the table above.
std::vector<std::string> question_csv_header(const std::vector<std::string>& languages);

// The column holding a question field named by its domain path ("options[1].text.vi" -> "option2_vi",
// "numeric_answer.tolerance" -> "numeric_tolerance", "text" -> "text_<first language>", "options" ->
// "correct"), so that validate()'s problems point at a cell.
std::string csv_column_of(std::string_view field, const std::vector<std::string>& languages);

}  // namespace dt::catalog::io
