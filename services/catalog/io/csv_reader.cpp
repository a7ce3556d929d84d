#include "catalog/io/csv_reader.hpp"

namespace dt::catalog::io {

namespace {

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

class Reader {
 public:
  explicit Reader(std::string_view text) : text_(text) {}

  CsvTable read() {
    CsvTable table;
    if (text_.starts_with(kByteOrderMark)) pos_ = kByteOrderMark.size();
    while (pos_ < text_.size()) {
      CsvRecord record;
      record.line = line_;
      bool blank = true;
      if (!read_record(record, blank, table)) break;
      if (!blank) table.records.push_back(std::move(record));
    }
    return table;
  }

 private:
  // One record, through its line break. False on a syntax error (recorded in `table`).
  bool read_record(CsvRecord& record, bool& blank, CsvTable& table) {
    while (true) {
      std::string field;
      bool quoted = false;
      if (pos_ < text_.size() && text_[pos_] == '"') {
        quoted = true;
        if (!read_quoted(field, table)) return false;
      } else if (!read_plain(field, table)) {
        return false;
      }
      blank = blank && !quoted && field.empty() && record.fields.empty();
      record.fields.push_back(std::move(field));
      if (pos_ >= text_.size()) return true;
      const char c = text_[pos_];
      if (c == ',') {
        blank = false;
        ++pos_;
        continue;
      }
      if (c == '\r' || c == '\n') {
        skip_line_break();
        return true;
      }
      table.error = CsvSyntaxError{line_,
                                   "unexpected text after a closing quote (write a quote inside a "
                                   "quoted field as \"\")"};
      return false;
    }
  }

  bool read_plain(std::string& field, CsvTable& table) {
    const std::size_t start = pos_;
    while (pos_ < text_.size()) {
      const char c = text_[pos_];
      if (c == ',' || c == '\r' || c == '\n') break;
      if (c == '"') {
        table.error = CsvSyntaxError{line_, "a field holding a quote must be enclosed in quotes (\"...\"\"...\")"};
        return false;
      }
      ++pos_;
    }
    field.assign(text_.substr(start, pos_ - start));
    return true;
  }

  bool read_quoted(std::string& field, CsvTable& table) {
    const int opened = line_;
    ++pos_;  // the opening quote
    while (pos_ < text_.size()) {
      const char c = text_[pos_];
      if (c == '"') {
        if (pos_ + 1 < text_.size() && text_[pos_ + 1] == '"') {
          field += '"';
          pos_ += 2;
          continue;
        }
        ++pos_;  // the closing quote
        return true;
      }
      if (c == '\r' || c == '\n') {
        // Kept as written (CRLF stays CRLF), counted as one line.
        const std::size_t start = pos_;
        skip_line_break();
        field.append(text_.substr(start, pos_ - start));
        continue;
      }
      field += c;
      ++pos_;
    }
    table.error = CsvSyntaxError{opened, "a quoted field is not closed"};
    return false;
  }

  void skip_line_break() {
    if (text_[pos_] == '\r' && pos_ + 1 < text_.size() && text_[pos_ + 1] == '\n') ++pos_;
    ++pos_;
    ++line_;
  }

  std::string_view text_;
  std::size_t pos_ = 0;
  int line_ = 1;
};

}  // namespace

CsvTable read_csv(std::string_view text) { return Reader(text).read(); }

}  // namespace dt::catalog::io
