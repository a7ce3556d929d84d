#include "catalog/io/fail_reason_text.hpp"

#include <vector>

namespace dt::catalog::io {

namespace {

struct Named {
  std::vector<int> positions;
  bool all_wrong = true;       // every one answered, and wrong
  bool all_unanswered = true;  // none answered
};

Named named(const FailReason& reason, const ExamResult& result) {
  Named out;
  for (QuestionId id : reason.questions) {
    for (std::size_t i = 0; i < result.questions.size(); ++i) {
      if (result.questions[i].id != id) continue;
      out.positions.push_back(static_cast<int>(i + 1));
      const bool unanswered = result.questions[i].outcome == Outcome::unanswered;
      out.all_wrong = out.all_wrong && !unanswered;
      out.all_unanswered = out.all_unanswered && unanswered;
      break;
    }
  }
  return out;
}

// "3", "3 and 17", "3, 17 and 21" ("và" in Vietnamese).
std::string listed(const std::vector<int>& positions, bool vietnamese) {
  std::string out;
  for (std::size_t i = 0; i < positions.size(); ++i) {
    if (i > 0) out += i + 1 == positions.size() ? (vietnamese ? " và " : " and ") : ", ";
    out += std::to_string(positions[i]);
  }
  return out;
}

std::string n(int value) { return std::to_string(value); }

std::string plural(int count, const std::string& one, const std::string& many) {
  return n(count) + " " + (count == 1 ? one : many);
}

std::string critical_en(const Named& q) {
  const bool one = q.positions.size() == 1;
  const std::string which =
      std::string(one ? "the critical question " : "the critical questions ") + listed(q.positions, false);
  if (q.all_wrong) return "Answered " + which + " wrong";
  if (q.all_unanswered) return "Left " + which + " unanswered";
  return "Answered " + which + " wrong or left them unanswered";
}

std::string critical_vi(const Named& q) {
  const bool one = q.positions.size() == 1;
  const std::string which =
      std::string(one ? "câu điểm liệt số " : "các câu điểm liệt số ") + listed(q.positions, true);
  if (q.all_wrong) return "Trả lời sai " + which;
  if (q.all_unanswered) return "Bỏ trống " + which;
  return "Trả lời sai hoặc bỏ trống " + which;
}

std::string english(const FailReason& r, const ExamResult& result) {
  switch (r.kind) {
    case FailReasonKind::score_below_pass_mark:
      return plural(r.actual, "correct answer", "correct answers") + "; at least " + n(r.limit) + " are needed to pass";
    case FailReasonKind::critical_question_wrong:
      return critical_en(named(r, result));
    case FailReasonKind::error_points_exceeded:
      return plural(r.actual, "error point", "error points") + "; at most " + n(r.limit) + " are allowed";
    case FailReasonKind::max_weight_wrong: {
      const Named q = named(r, result);
      return "Answered " + plural(r.actual, n(r.weight) + "-point question", n(r.weight) + "-point questions") +
             " wrong (" + (q.positions.size() == 1 ? "question " : "questions ") + listed(q.positions, false) + "); " +
             n(r.limit) + " fail the exam";
    }
  }
  return describe(r);
}

std::string vietnamese(const FailReason& r, const ExamResult& result) {
  switch (r.kind) {
    case FailReasonKind::score_below_pass_mark:
      return "Trả lời đúng " + n(r.actual) + " câu; cần đúng ít nhất " + n(r.limit) + " câu để đạt";
    case FailReasonKind::critical_question_wrong:
      return critical_vi(named(r, result));
    case FailReasonKind::error_points_exceeded:
      return "Bị " + n(r.actual) + " điểm lỗi; chỉ được phép tối đa " + n(r.limit) + " điểm lỗi";
    case FailReasonKind::max_weight_wrong:
      return "Trả lời sai " + n(r.actual) + " câu " + n(r.weight) + " điểm (câu " +
             listed(named(r, result).positions, true) + "); sai " + n(r.limit) + " câu như vậy là không đạt";
  }
  return describe(r);
}

}  // namespace

std::string fail_reason_message(const FailReason& reason, const ExamResult& result, std::string_view language) {
  const bool vi = language == "vi" || language.starts_with("vi-");
  return vi ? vietnamese(reason, result) : english(reason, result);
}

}  // namespace dt::catalog::io
