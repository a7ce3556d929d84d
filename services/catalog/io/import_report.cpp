#include "catalog/io/import_report.hpp"

#include <boost/json/array.hpp>

#include <algorithm>
#include <array>
#include <string_view>

namespace dt::catalog::io {

namespace {

int section_rank(const std::string& section) {
  static constexpr std::array<std::string_view, 7> kOrder{"document",        "csv",       "jurisdictions", "topics",
                                                          "licence_classes", "questions", "blueprints"};
  const auto it = std::find(kOrder.begin(), kOrder.end(), section);
  return static_cast<int>(it - kOrder.begin());
}

}  // namespace

void ImportReport::reject(Rejection rejection) {
  auto& rows = rejected_rows_[rejection.section];
  if (rows.size() <= rejection.index) rows.resize(rejection.index + 1, false);
  rows[rejection.index] = true;
  ++total_;
  rejections_.push_back(std::move(rejection));
}

void ImportReport::finish() {
  std::stable_sort(rejections_.begin(), rejections_.end(), [](const Rejection& a, const Rejection& b) {
    const int ra = section_rank(a.section);
    const int rb = section_rank(b.section);
    return ra != rb ? ra < rb : a.index < b.index;
  });
  if (rejections_.size() > kMaxListed) rejections_.resize(kMaxListed);
}

bool ImportReport::rejected(const std::string& section, std::size_t index) const {
  const auto it = rejected_rows_.find(section);
  return it != rejected_rows_.end() && index < it->second.size() && it->second[index];
}

boost::json::object import_report_to_json(const ImportReport& report) {
  boost::json::object rows;
  for (const auto& [section, count] : report.rows()) rows[section] = count;
  boost::json::array rejections;
  for (const Rejection& r : report.rejections()) {
    boost::json::object item{
        {"section", r.section}, {"index", r.index}, {"key", r.key}, {"field", r.field}, {"message", r.message}};
    if (r.line != 0) item["line"] = r.line;
    rejections.push_back(std::move(item));
  }
  return {{"ok", report.ok()},
          {"rows", std::move(rows)},
          {"rejection_count", report.rejection_count()},
          {"truncated", report.truncated()},
          {"rejections", std::move(rejections)}};
}

}  // namespace dt::catalog::io
