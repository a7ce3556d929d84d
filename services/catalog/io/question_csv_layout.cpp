#include "catalog/io/question_csv_layout.hpp"

#include <algorithm>
#include <array>

#include "catalog/domain/localized_text.hpp"

namespace dt::catalog::io {

namespace {

constexpr std::array<std::string_view, 4> kLeading{"external_id", "jurisdiction", "topic", "kind"};
constexpr std::array<std::string_view, 3> kAfterOptions{"correct", "numeric_value", "numeric_tolerance"};
constexpr std::array<std::string_view, 8> kTrailing{"media", "weight",          "critical", "pools",
                                                    "tags",  "shuffle_options", "group",    "status"};

template <std::size_t N>
bool contains(const std::array<std::string_view, N>& names, std::string_view name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

std::optional<CsvColumn> localized_column(std::string_view name, std::string_view prefix, CsvColumn::Kind kind) {
  if (!name.starts_with(prefix)) return std::nullopt;
  const std::string_view language = name.substr(prefix.size());
  if (!is_valid_language_code(language)) return std::nullopt;
  return CsvColumn{kind, std::string(language), 0};
}

std::string first_language(const std::vector<std::string>& languages) {
  return languages.empty() ? "en" : languages.front();
}

}  // namespace

std::optional<CsvColumn> parse_csv_column(std::string_view name) {
  if (contains(kLeading, name) || contains(kAfterOptions, name) || contains(kTrailing, name)) return CsvColumn{};
  if (auto column = localized_column(name, "text_", CsvColumn::Kind::text)) return column;
  if (auto column = localized_column(name, "explanation_", CsvColumn::Kind::explanation)) return column;
  // option<N>_<lang>, N one digit 1..6
  if (name.size() > 8 && name.starts_with("option") && name[6] >= '1' && name[6] <= '0' + kCsvOptionCount &&
      name[7] == '_') {
    if (auto column = localized_column(name.substr(8), "", CsvColumn::Kind::option)) {
      column->option = name[6] - '0';
      return column;
    }
  }
  return std::nullopt;
}

std::vector<std::string> question_csv_header(const std::vector<std::string>& languages) {
  std::vector<std::string> header(kLeading.begin(), kLeading.end());
  for (const auto& language : languages) header.push_back("text_" + language);
  for (int n = 1; n <= kCsvOptionCount; ++n) {
    for (const auto& language : languages) header.push_back("option" + std::to_string(n) + "_" + language);
  }
  header.insert(header.end(), kAfterOptions.begin(), kAfterOptions.end());
  for (const auto& language : languages) header.push_back("explanation_" + language);
  header.insert(header.end(), kTrailing.begin(), kTrailing.end());
  return header;
}

std::string csv_column_of(std::string_view field, const std::vector<std::string>& languages) {
  const std::string first = first_language(languages);
  if (field == "options") return "correct";
  if (field.starts_with("options[") && field.find(']') != std::string_view::npos) {
    const auto close = field.find(']');
    const int n = std::stoi(std::string(field.substr(8, close - 8))) + 1;
    const std::string_view rest = field.substr(close + 1);  // ".text" or ".text.<lang>"
    const std::string language = rest.starts_with(".text.") ? std::string(rest.substr(6)) : first;
    return "option" + std::to_string(n) + "_" + language;
  }
  if (field == "text" || field == "explanation") return std::string(field) + "_" + first;
  if (field.starts_with("text.")) return "text_" + std::string(field.substr(5));
  if (field.starts_with("explanation.")) return "explanation_" + std::string(field.substr(12));
  if (field == "numeric_answer" || field == "numeric_answer.value") return "numeric_value";
  if (field == "numeric_answer.tolerance") return "numeric_tolerance";
  const auto bracket = field.find('[');  // media[2].key, pools[1], tags[0]
  return std::string(field.substr(0, bracket));
}

}  // namespace dt::catalog::io
