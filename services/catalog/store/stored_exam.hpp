#pragma once
// StoredExam: one exam as the store keeps it, and the history list's summary and filter.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "catalog/domain/code.hpp"
#include "catalog/domain/date.hpp"
#include "catalog/domain/drawn_question.hpp"
#include "catalog/domain/exam_session.hpp"

namespace dt::catalog::store {

enum class ExamStatus { in_progress, submitted, expired };

std::string_view to_string(ExamStatus status);
std::optional<ExamStatus> parse_exam_status(std::string_view text);
// The status a session implies: its finish when graded, in_progress before.
ExamStatus exam_status(const ExamSession& session);

struct StoredExam {
  std::string id;                      // uuid text; empty in create_exam: the store generates one
  std::optional<std::string> user_id;  // nullopt: anonymous
  JurisdictionCode jurisdiction;
  LicenceClassCode licence_class;
  std::string blueprint_code;
  int blueprint_version = 0;
  std::uint64_t seed = 0;
  std::vector<DrawnQuestion> drawn;
  ExamSession session;
  ExamStatus status = ExamStatus::in_progress;
  int version = 0;  // as read; save_exam expects it to be still current

  friend bool operator==(const StoredExam&, const StoredExam&) = default;
};

struct ExamSummary {
  std::string id;
  JurisdictionCode jurisdiction;
  LicenceClassCode licence_class;
  std::string blueprint_code;
  int blueprint_version = 0;
  ExamStatus status = ExamStatus::in_progress;
  TimePoint started_at{};
  TimePoint deadline{};
  std::optional<TimePoint> finished_at;
  std::optional<bool> passed;  // set once graded
  std::optional<int> score;
  std::optional<int> max_score;
};

// Exams started in [from, to); every field optional. A licence class code alone ("B") matches it in every
// jurisdiction.
struct HistoryFilter {
  std::optional<JurisdictionCode> jurisdiction;
  std::optional<LicenceClassCode> licence_class;
  std::optional<TimePoint> from;
  std::optional<TimePoint> to;
};

// Newest first; total counts every exam matching the filter.
struct HistoryPage {
  std::vector<ExamSummary> items;
  std::int64_t total = 0;
};

}  // namespace dt::catalog::store
