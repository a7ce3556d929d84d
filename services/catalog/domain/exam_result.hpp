#pragma once
// ExamResult: the outcome of one graded exam, complete enough to show the candidate why they passed or failed
// and to feed their statistics. All numbers are integers: pass/fail never depends on floating point.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "catalog/domain/code.hpp"
#include "catalog/domain/question.hpp"

namespace dt::catalog {

enum class Outcome { correct, incorrect, unanswered };

std::string_view to_string(Outcome outcome);

struct QuestionOutcome {
  QuestionId id = 0;
  int revision = 0;
  TopicCode topic;
  int weight = 1;
  bool critical = false;
  Outcome outcome = Outcome::unanswered;

  friend bool operator==(const QuestionOutcome&, const QuestionOutcome&) = default;
};

struct TopicScore {
  TopicCode topic;
  int correct = 0;
  int total = 0;

  friend bool operator==(const TopicScore&, const TopicScore&) = default;
};

enum class FailReasonKind { score_below_pass_mark, critical_question_wrong, error_points_exceeded, max_weight_wrong };

// "score_below_pass_mark", ...: stable names for the API and message catalogues.
std::string_view to_string(FailReasonKind kind);

// One reason the exam failed, with the numbers a message needs:
//   score_below_pass_mark    actual = score,        limit = pass mark (needed at least)
//   critical_question_wrong  questions = the critical questions answered wrong or not at all
//   error_points_exceeded    actual = error points, limit = the most allowed
//   max_weight_wrong         actual = wrong answers of weight `weight`, limit = how many fail; questions = them
struct FailReason {
  FailReasonKind kind = FailReasonKind::score_below_pass_mark;
  int actual = 0;
  int limit = 0;
  int weight = 0;
  std::vector<QuestionId> questions;

  friend bool operator==(const FailReason&, const FailReason&) = default;
};

// An English sentence for logs and admin screens; candidates get localized text built from the fields.
std::string describe(const FailReason& reason);

struct ExamResult {
  std::vector<QuestionOutcome> questions;  // in exam order
  int score = 0;                           // correct answers
  int max_score = 0;                       // questions in the exam
  int answered = 0;
  int error_points = 0;            // sum of the weights of questions not answered correctly
  int total_weight = 0;            // sum of all weights: the error points of an exam with nothing right
  std::vector<TopicScore> topics;  // by topic code
  bool passed = false;
  std::vector<FailReason> fail_reasons;  // empty exactly when passed

  bool failed_for(FailReasonKind kind) const;
  const FailReason* reason(FailReasonKind kind) const;

  friend bool operator==(const ExamResult&, const ExamResult&) = default;
};

}  // namespace dt::catalog
