#include "catalog/store/stored_exam.hpp"

namespace dt::catalog::store {

std::string_view to_string(ExamStatus status) {
  switch (status) {
    case ExamStatus::in_progress:
      return "in_progress";
    case ExamStatus::submitted:
      return "submitted";
    case ExamStatus::expired:
      return "expired";
  }
  return "in_progress";
}

std::optional<ExamStatus> parse_exam_status(std::string_view text) {
  if (text == "in_progress") return ExamStatus::in_progress;
  if (text == "submitted") return ExamStatus::submitted;
  if (text == "expired") return ExamStatus::expired;
  return std::nullopt;
}

ExamStatus exam_status(const ExamSession& session) {
  if (!session.finish) return ExamStatus::in_progress;
  return *session.finish == ExamFinish::submitted ? ExamStatus::submitted : ExamStatus::expired;
}

}  // namespace dt::catalog::store
