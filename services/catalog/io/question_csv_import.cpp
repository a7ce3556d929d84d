// parse_questions_csv (question_csv.hpp).
#include <algorithm>
#include <charconv>
#include <map>

#include "catalog/domain/question_validation.hpp"
#include "catalog/io/bank_cross_check.hpp"
#include "catalog/io/csv_reader.hpp"
#include "catalog/io/formula_guard.hpp"
#include "catalog/io/question_csv.hpp"
#include "catalog/io/question_csv_layout.hpp"

namespace dt::catalog::io {

namespace {

constexpr std::size_t kMaxRows = 50'000;

struct Header {
  std::map<std::string, std::size_t, std::less<>> index;  // column name -> position
  std::vector<std::string> languages;                     // in header order, each once
  std::size_t width = 0;
};

std::optional<Header> read_header(const CsvRecord& record, ImportReport& report) {
  Header header;
  header.width = record.fields.size();
  bool ok = true;
  const auto reject = [&](const std::string& column, const std::string& message) {
    report.reject({"csv", 0, "", column, message, record.line});
    ok = false;
  };
  for (std::size_t i = 0; i < record.fields.size(); ++i) {
    const std::string& name = record.fields[i];
    const auto column = parse_csv_column(name);
    if (!column) {
      reject(name, "is not a column of the question layout");
    } else if (!header.index.emplace(name, i).second) {
      reject(name, "is given twice");
    } else if (column->kind != CsvColumn::Kind::plain && std::find(header.languages.begin(), header.languages.end(),
                                                                   column->language) == header.languages.end()) {
      header.languages.push_back(column->language);
    }
  }
  for (const char* required : {"external_id", "jurisdiction", "topic", "kind"}) {
    if (!header.index.contains(required)) reject(required, "the column is missing");
  }
  const bool has_text = std::any_of(header.index.begin(), header.index.end(),
                                    [](const auto& entry) { return entry.first.starts_with("text_"); });
  if (!has_text) reject("text_vi", "a text_<language> column is needed (text_vi, text_en, ...)");
  if (!ok) return std::nullopt;
  return header;
}

// One data row -> a Question, or the row's problems (each naming its column).
class RowReader {
 public:
  RowReader(const Header& header, const CsvRecord& record) : header_(header), record_(record) {}

  std::optional<Question> read() {
    Question q;
    q.external_id = cell("external_id");
    q.jurisdiction = JurisdictionCode(cell("jurisdiction"));
    q.topic = TopicCode(cell("topic"));
    read_kind(q);
    for (const auto& language : header_.languages) {
      set_text(q.text, "text_" + language, language);
      set_text(q.explanation, "explanation_" + language, language);
    }
    read_options(q);
    read_numeric(q);
    read_media(q);
    q.weight = whole_number("weight", 1);
    q.critical = boolean("critical", false);
    q.pools = words(cell("pools"));
    q.tags = words(cell("tags"));
    q.shuffle_options = boolean("shuffle_options", true);
    if (!cell("group").empty()) q.group = cell("group");
    read_status(q);
    if (!problems_.empty()) return std::nullopt;
    for (const ValidationProblem& p : validate(q)) problem(csv_column_of(p.field, header_.languages), p.message);
    if (!problems_.empty()) return std::nullopt;
    return q;
  }

  const ValidationProblems& problems() const { return problems_; }

 private:
  std::string cell(std::string_view column) const {
    const auto it = header_.index.find(column);
    return it == header_.index.end() ? std::string() : std::string(unguard_formula(record_.fields[it->second]));
  }

  void problem(std::string column, std::string message) {
    problems_.push_back({std::move(column), std::move(message)});
  }

  void set_text(LocalizedText& text, const std::string& column, const std::string& language) const {
    std::string value = cell(column);
    if (!value.empty()) text.set(language, std::move(value));
  }

  void read_kind(Question& q) {
    const std::string text = cell("kind");
    if (const auto kind = parse_question_kind(text)) {
      q.kind = *kind;
    } else {
      problem("kind",
              text.empty() ? "is required (choice or numeric)" : "must be choice or numeric, not '" + text + "'");
    }
  }

  void read_status(Question& q) {
    const std::string text = cell("status");
    if (text.empty()) return;
    if (const auto status = parse_question_status(text)) {
      q.status = *status;
    } else {
      problem("status", "must be draft, published or retired, not '" + text + "'");
    }
  }

  void read_options(Question& q) {
    int count = 0;
    std::vector<bool> present(kCsvOptionCount + 1, false);
    for (int n = 1; n <= kCsvOptionCount; ++n) {
      for (const auto& language : header_.languages) {
        present[n] = present[n] || !cell(option_column(n, language)).empty();
      }
      if (present[n]) count = n;
    }
    for (int n = 1; n <= count; ++n) {
      if (!present[n]) {
        problem(option_column(n, header_.languages.front()),
                "is empty but option " + std::to_string(count) + " is not");
        continue;
      }
      Option option;
      for (const auto& language : header_.languages) set_text(option.text, option_column(n, language), language);
      q.options.push_back(std::move(option));
    }
    read_correct(q, count);
  }

  void read_correct(Question& q, int count) {
    const std::string text = cell("correct");
    std::size_t start = 0;
    while (start < text.size()) {
      std::size_t end = text.find(';', start);
      if (end == std::string::npos) end = text.size();
      std::string_view item = std::string_view(text).substr(start, end - start);
      while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
      while (!item.empty() && item.back() == ' ') item.remove_suffix(1);
      start = end + 1;
      int n = 0;
      const auto [ptr, ec] = std::from_chars(item.data(), item.data() + item.size(), n);
      if (ec != std::errc() || ptr != item.data() + item.size() || n < 1 || n > kCsvOptionCount) {
        problem("correct",
                "must list option numbers 1-" + std::to_string(kCsvOptionCount) + " separated by ';', such as 1;3");
        return;
      }
      if (n > count) {
        problem("correct", "names option " + std::to_string(n) + ", which has no text");
      } else if (q.options.size() == static_cast<std::size_t>(count)) {
        Option& option = q.options[static_cast<std::size_t>(n - 1)];
        if (option.correct) problem("correct", "lists option " + std::to_string(n) + " twice");
        option.correct = true;
      }
    }
  }

  std::optional<Decimal> decimal(const std::string& column) {
    const std::string text = cell(column);
    if (text.empty()) return std::nullopt;
    const auto value = Decimal::parse(text);
    if (!value) problem(column, "must be a number with at most three decimals, such as 2.5, not '" + text + "'");
    return value;
  }

  void read_numeric(Question& q) {
    const auto value = decimal("numeric_value");
    const auto tolerance = decimal("numeric_tolerance");
    if (value) {
      q.numeric_answer = NumericAnswerKey{*value, tolerance.value_or(Decimal{})};
    } else if (tolerance) {
      problem("numeric_value", "is required when numeric_tolerance is given");
    }
  }

  void read_media(Question& q) {
    for (std::string& token : words(cell("media"))) {
      MediaRef media;
      if (token.starts_with("video:")) {
        media = {token.substr(6), MediaKind::video};
      } else if (token.starts_with("image:")) {
        media = {token.substr(6), MediaKind::image};
      } else {
        media = {std::move(token), MediaKind::image};
      }
      q.media.push_back(std::move(media));
    }
  }

  int whole_number(const std::string& column, int fallback) {
    const std::string text = cell(column);
    if (text.empty()) return fallback;
    int value = 0;
    const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || ptr != text.data() + text.size()) {
      problem(column, "must be a whole number, not '" + text + "'");
      return fallback;
    }
    return value;
  }

  bool boolean(const std::string& column, bool fallback) {
    std::string text = cell(column);
    for (char& c : text) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    if (text.empty()) return fallback;
    if (text == "true" || text == "1") return true;
    if (text == "false" || text == "0") return false;
    problem(column, "must be true or false, not '" + cell(column) + "'");
    return fallback;
  }

  static std::vector<std::string> words(const std::string& text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start < text.size()) {
      const std::size_t space = text.find(' ', start);
      const std::size_t end = space == std::string::npos ? text.size() : space;
      if (end > start) out.push_back(text.substr(start, end - start));
      start = end + 1;
    }
    return out;
  }

  static std::string option_column(int n, const std::string& language) {
    return "option" + std::to_string(n) + "_" + language;
  }

  const Header& header_;
  const CsvRecord& record_;
  ValidationProblems problems_;
};

}  // namespace

BankParse parse_questions_csv(std::string_view text, const KnownReferences& known) {
  BankParse out;
  ImportReport& report = out.report;
  const CsvTable table = read_csv(text);
  const auto finish_with_syntax = [&] {
    if (table.error) report.reject({"csv", 0, "", "", table.error->message, table.error->line});
  };
  if (table.records.empty()) {
    if (!table.error) report.reject({"csv", 0, "", "", "the file is empty: a header row is required", 1});
    finish_with_syntax();
    report.finish();
    return out;
  }
  const auto header = read_header(table.records.front(), report);
  if (!header) {
    finish_with_syntax();
    report.finish();
    return out;
  }
  const std::size_t rows = table.records.size() - 1;
  report.count_rows("questions", rows);
  if (rows > kMaxRows) {
    report.reject({"csv", 0, "", "", "has more than " + std::to_string(kMaxRows) + " rows", table.records.back().line});
    report.finish();
    return out;
  }
  BankRows parsed;
  parsed.questions.reserve(rows);
  for (std::size_t i = 0; i < rows; ++i) {
    const CsvRecord& record = table.records[i + 1];
    // Spreadsheets export rows that only ever had formatting as a line of commas: nothing to import there.
    if (std::all_of(record.fields.begin(), record.fields.end(), [](const std::string& f) { return f.empty(); })) {
      continue;
    }
    const std::size_t key_column = header->index.find("external_id")->second;
    const std::string key =
        key_column < record.fields.size() ? std::string(unguard_formula(record.fields[key_column])) : std::string();
    if (record.fields.size() != header->width) {
      report.reject(
          {"questions", i, key, "",
           "has " + std::to_string(record.fields.size()) + " fields, the header has " + std::to_string(header->width),
           record.line});
      continue;
    }
    RowReader reader(*header, record);
    if (auto question = reader.read()) {
      parsed.questions.push_back({std::move(*question), i, "", record.line});
    } else {
      for (const ValidationProblem& p : reader.problems())
        report.reject({"questions", i, key, p.field, p.message, record.line});
    }
  }
  finish_with_syntax();
  cross_check(parsed, known, report);
  report.finish();
  out.accepted = accepted_rows(std::move(parsed), report);
  return out;
}

}  // namespace dt::catalog::io
