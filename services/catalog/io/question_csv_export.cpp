// questions_to_csv (question_csv.hpp).
#include <set>

#include "catalog/io/csv_writer.hpp"
#include "catalog/io/formula_guard.hpp"
#include "catalog/io/question_csv.hpp"
#include "catalog/io/question_csv_layout.hpp"

namespace dt::catalog::io {

namespace {

// Every language any text uses: vi and en first (the layout's usual columns), then the others by code.
std::vector<std::string> languages_of(std::span<const Question> questions) {
  std::set<std::string> used;
  const auto add = [&](const LocalizedText& text) {
    for (const auto& [language, value] : text.entries()) used.insert(language);
  };
  for (const Question& q : questions) {
    add(q.text);
    add(q.explanation);
    for (const Option& o : q.options) add(o.text);
  }
  std::vector<std::string> languages;
  for (const char* preferred : {"vi", "en"}) {
    if (used.erase(preferred) > 0 || questions.empty()) languages.emplace_back(preferred);
  }
  languages.insert(languages.end(), used.begin(), used.end());
  return languages;
}

std::string joined(const std::vector<std::string>& items, char separator) {
  std::string out;
  for (const auto& item : items) {
    if (!out.empty()) out += separator;
    out += item;
  }
  return out;
}

std::string media_cell(const std::vector<MediaRef>& media) {
  std::vector<std::string> tokens;
  for (const MediaRef& m : media) {
    const bool prefixed = m.key.starts_with("video:") || m.key.starts_with("image:");
    if (m.kind == MediaKind::video) {
      tokens.push_back("video:" + m.key);
    } else {
      tokens.push_back(prefixed ? "image:" + m.key : m.key);
    }
  }
  return joined(tokens, ' ');
}

std::string text_in(const LocalizedText& text, const std::string& language) {
  return std::string(text.get(language).value_or(""));
}

std::vector<std::string> row_of(const Question& q, const std::vector<std::string>& languages) {
  std::vector<std::string> row{q.external_id, q.jurisdiction.value(), q.topic.value(), std::string(to_string(q.kind))};
  for (const auto& language : languages) row.push_back(text_in(q.text, language));
  std::vector<std::string> correct;
  for (std::size_t n = 0; n < static_cast<std::size_t>(kCsvOptionCount); ++n) {
    for (const auto& language : languages) {
      row.push_back(n < q.options.size() ? text_in(q.options[n].text, language) : "");
    }
    if (n < q.options.size() && q.options[n].correct) correct.push_back(std::to_string(n + 1));
  }
  row.push_back(joined(correct, ';'));
  row.push_back(q.numeric_answer ? q.numeric_answer->value.to_string() : "");
  row.push_back(q.numeric_answer ? q.numeric_answer->tolerance.to_string() : "");
  for (const auto& language : languages) row.push_back(text_in(q.explanation, language));
  row.push_back(media_cell(q.media));
  row.push_back(std::to_string(q.weight));
  row.push_back(q.critical ? "true" : "false");
  row.push_back(joined(q.pools, ' '));
  row.push_back(joined(q.tags, ' '));
  row.push_back(q.shuffle_options ? "true" : "false");
  row.push_back(q.group.value_or(""));
  row.push_back(std::string(to_string(q.status)));
  return row;
}

}  // namespace

std::string questions_to_csv(std::span<const Question> questions, const CsvExportOptions& options) {
  const std::vector<std::string> languages = languages_of(questions);
  std::string out;
  if (options.byte_order_mark) out += kUtf8ByteOrderMark;
  append_csv_record(out, question_csv_header(languages));
  for (const Question& q : questions) {
    std::vector<std::string> row = row_of(q, languages);
    for (std::string& cell : row) cell = guard_formula(std::move(cell));
    append_csv_record(out, row);
  }
  return out;
}

}  // namespace dt::catalog::io
