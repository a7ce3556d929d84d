#pragma once
// ImportReport: everything wrong with an import, for all-or-nothing bulk imports. The importer reads every row
// and records one Rejection per problem instead of stopping at the first; the caller imports only when there
// is none (ok()).
#include <boost/json/object.hpp>

#include <cstddef>
#include <map>
#include <string>
#include <vector>

namespace dt::catalog::io {

struct Rejection {
  std::string section;    // "jurisdictions", "topics", "licence_classes", "questions", "blueprints"; "document"
                          // for the document itself (format, sections); "csv" for CSV syntax and header problems
  std::size_t index = 0;  // the row in its section, from 0 (JSON array index; CSV: data row, header excluded)
  std::string key;        // the row's external_id or code, when it could be read
  std::string field;      // JSON: full path ("questions[12].options[1].text.vi"); CSV: column ("option2_vi")
  std::string message;
  int line = 0;  // CSV: the line the record starts on (the header is line 1); 0 for JSON

  friend bool operator==(const Rejection&, const Rejection&) = default;
};

class ImportReport {
 public:
  // At most this many rejections are listed (all are counted): a report stays readable and small even for a
  // document that is wrong everywhere.
  static constexpr std::size_t kMaxListed = 1000;

  void reject(Rejection rejection);
  // Rows read from `section` (valid or not), for the summary.
  void count_rows(const std::string& section, std::size_t rows) { rows_[section] += rows; }
  // Sorts the rejections into document order (section, then row) and keeps the first kMaxListed.
  void finish();

  bool ok() const { return total_ == 0; }
  bool rejected(const std::string& section, std::size_t index) const;
  const std::vector<Rejection>& rejections() const { return rejections_; }
  std::size_t rejection_count() const { return total_; }
  bool truncated() const { return total_ > rejections_.size(); }
  const std::map<std::string, std::size_t>& rows() const { return rows_; }

 private:
  std::vector<Rejection> rejections_;
  std::size_t total_ = 0;
  std::map<std::string, std::size_t> rows_;
  std::map<std::string, std::vector<bool>> rejected_rows_;
};

// {"ok": false, "rows": {"questions": 256, ...}, "rejection_count": 3, "truncated": false,
//  "rejections": [{"section", "index", "key", "field", "message", "line" (CSV only)}]}
boost::json::object import_report_to_json(const ImportReport& report);

}  // namespace dt::catalog::io
