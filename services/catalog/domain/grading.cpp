#include "catalog/domain/grading.hpp"

#include <algorithm>
#include <map>
#include <stdexcept>

namespace dt::catalog {

namespace {

bool choice_correct(const Question& question, const ChoiceAnswer& answer) {
  std::vector<int> chosen = answer.selected;
  std::sort(chosen.begin(), chosen.end());
  chosen.erase(std::unique(chosen.begin(), chosen.end()), chosen.end());
  std::vector<int> correct;
  for (std::size_t i = 0; i < question.options.size(); ++i) {
    if (question.options[i].correct) correct.push_back(static_cast<int>(i));
  }
  return !correct.empty() && chosen == correct;
}

void apply_count_correct(const CountCorrect& policy, ExamResult& result) {
  if (result.score < policy.pass_mark) {
    result.fail_reasons.push_back({FailReasonKind::score_below_pass_mark, result.score, policy.pass_mark, 0, {}});
  }
}

void apply_error_points(const ErrorPoints& policy, ExamResult& result) {
  if (result.error_points > policy.max_error_points) {
    result.fail_reasons.push_back(
        {FailReasonKind::error_points_exceeded, result.error_points, policy.max_error_points, 0, {}});
  }
  if (policy.max_weight_wrong_limit <= 0) return;
  int max_weight = policy.max_weight;
  if (max_weight == 0) {
    for (const QuestionOutcome& q : result.questions) max_weight = std::max(max_weight, q.weight);
  }
  FailReason reason{FailReasonKind::max_weight_wrong, 0, policy.max_weight_wrong_limit, max_weight, {}};
  for (const QuestionOutcome& q : result.questions) {
    if (q.weight == max_weight && q.outcome != Outcome::correct) reason.questions.push_back(q.id);
  }
  reason.actual = static_cast<int>(reason.questions.size());
  if (reason.actual >= policy.max_weight_wrong_limit) result.fail_reasons.push_back(std::move(reason));
}

}  // namespace

bool is_correct(const Question& question, const Answer& answer) {
  if (question.kind == QuestionKind::choice) {
    const auto* choice = std::get_if<ChoiceAnswer>(&answer);
    return choice != nullptr && choice_correct(question, *choice);
  }
  const auto* numeric = std::get_if<NumericAnswer>(&answer);
  return numeric != nullptr && question.numeric_answer &&
         within_tolerance(numeric->value, question.numeric_answer->value, question.numeric_answer->tolerance);
}

Outcome outcome_of(const Question& question, const std::optional<Answer>& answer) {
  if (!answer) return Outcome::unanswered;
  return is_correct(question, *answer) ? Outcome::correct : Outcome::incorrect;
}

ExamResult grade(const Blueprint& blueprint, std::span<const Question> questions,
                 std::span<const std::optional<Answer>> answers) {
  if (answers.size() > questions.size()) {
    throw std::invalid_argument("grade: " + std::to_string(answers.size()) + " answers for " +
                                std::to_string(questions.size()) + " questions");
  }
  ExamResult result;
  result.max_score = static_cast<int>(questions.size());
  std::map<TopicCode, TopicScore> topics;
  std::vector<QuestionId> critical_wrong;
  for (std::size_t i = 0; i < questions.size(); ++i) {
    const Question& question = questions[i];
    const std::optional<Answer> none;
    const Outcome outcome = outcome_of(question, i < answers.size() ? answers[i] : none);
    result.questions.push_back(
        {question.id, question.revision, question.topic, question.weight, question.critical, outcome});
    TopicScore& topic = topics[question.topic];
    topic.topic = question.topic;
    ++topic.total;
    result.total_weight += question.weight;
    if (outcome != Outcome::unanswered) ++result.answered;
    if (outcome == Outcome::correct) {
      ++result.score;
      ++topic.correct;
    } else {
      result.error_points += question.weight;
      if (question.critical) critical_wrong.push_back(question.id);
    }
  }
  for (auto& [code, topic] : topics) result.topics.push_back(std::move(topic));

  if (const auto* count = std::get_if<CountCorrect>(&blueprint.scoring)) {
    apply_count_correct(*count, result);
  } else {
    apply_error_points(std::get<ErrorPoints>(blueprint.scoring), result);
  }
  if (blueprint.critical.fail_on_wrong && !critical_wrong.empty()) {
    const auto wrong = static_cast<int>(critical_wrong.size());
    result.fail_reasons.push_back({FailReasonKind::critical_question_wrong, wrong, 0, 0, std::move(critical_wrong)});
  }
  result.passed = result.fail_reasons.empty();
  return result;
}

}  // namespace dt::catalog
