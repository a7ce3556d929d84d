#include "catalog/domain/exam_result.hpp"

#include <algorithm>

namespace dt::catalog {

std::string_view to_string(Outcome outcome) {
  switch (outcome) {
    case Outcome::correct:
      return "correct";
    case Outcome::incorrect:
      return "incorrect";
    case Outcome::unanswered:
      return "unanswered";
  }
  return "unanswered";
}

std::string_view to_string(FailReasonKind kind) {
  switch (kind) {
    case FailReasonKind::score_below_pass_mark:
      return "score_below_pass_mark";
    case FailReasonKind::critical_question_wrong:
      return "critical_question_wrong";
    case FailReasonKind::error_points_exceeded:
      return "error_points_exceeded";
    case FailReasonKind::max_weight_wrong:
      return "max_weight_wrong";
  }
  return "score_below_pass_mark";
}

std::string describe(const FailReason& reason) {
  switch (reason.kind) {
    case FailReasonKind::score_below_pass_mark:
      return std::to_string(reason.actual) + " correct answers, at least " + std::to_string(reason.limit) + " needed";
    case FailReasonKind::critical_question_wrong:
      return std::to_string(reason.questions.size()) + " critical question(s) answered wrong or not answered";
    case FailReasonKind::error_points_exceeded:
      return std::to_string(reason.actual) + " error points, at most " + std::to_string(reason.limit) + " allowed";
    case FailReasonKind::max_weight_wrong:
      return std::to_string(reason.actual) + " wrong " + std::to_string(reason.weight) + "-point questions, " +
             std::to_string(reason.limit) + " fail the exam";
  }
  return {};
}

bool ExamResult::failed_for(FailReasonKind kind) const { return reason(kind) != nullptr; }

const FailReason* ExamResult::reason(FailReasonKind kind) const {
  const auto it =
      std::find_if(fail_reasons.begin(), fail_reasons.end(), [&](const FailReason& r) { return r.kind == kind; });
  return it == fail_reasons.end() ? nullptr : &*it;
}

}  // namespace dt::catalog
