#include "catalog/io/result_json.hpp"

#include <boost/json/array.hpp>

#include <algorithm>
#include <stdexcept>

#include "catalog/io/answer_json.hpp"
#include "catalog/io/decimal_json.hpp"
#include "catalog/io/exam_content.hpp"
#include "catalog/io/fail_reason_text.hpp"
#include "catalog/io/instant_json.hpp"
#include "catalog/io/question_json.hpp"

namespace dt::catalog::io {

namespace {

bool selected(const std::optional<RecordedAnswer>& recorded, int id) {
  if (!recorded) return false;
  const auto* choice = std::get_if<ChoiceAnswer>(&recorded->answer);
  return choice && std::find(choice->selected.begin(), choice->selected.end(), id) != choice->selected.end();
}

boost::json::object review_of(const Question& q, const ExamSession& session, const QuestionOutcome& outcome,
                              std::size_t index, std::string_view language) {
  const auto& recorded = session.answers[index];
  boost::json::object out;
  out["position"] = index + 1;
  out["question_id"] = q.id;
  out["revision"] = q.revision;
  out["kind"] = to_string(q.kind);
  out["text"] = q.text.best(language);
  if (q.kind == QuestionKind::choice) {
    boost::json::array options;
    for (int id : session.questions[index].option_order) {
      const Option& option = q.options.at(static_cast<std::size_t>(id));
      options.push_back(boost::json::object{{"id", id},
                                            {"text", option.text.best(language)},
                                            {"correct", option.correct},
                                            {"selected", selected(recorded, id)}});
    }
    out["options"] = std::move(options);
  }
  if (q.numeric_answer) {
    out["numeric_answer"] = boost::json::object{{"value", decimal_to_json(q.numeric_answer->value)},
                                                {"tolerance", decimal_to_json(q.numeric_answer->tolerance)}};
  }
  out["answer"] = recorded ? boost::json::value(answer_to_json(recorded->answer)) : boost::json::value(nullptr);
  out["outcome"] = to_string(outcome.outcome);
  out["correct"] = outcome.outcome == Outcome::correct;
  out["critical"] = q.critical;
  out["weight"] = q.weight;
  out["explanation"] =
      q.explanation.empty() ? boost::json::value(nullptr) : boost::json::value(q.explanation.best(language));
  out["media"] = media_to_json(q.media);
  return out;
}

boost::json::object fail_reason_of(const FailReason& reason, const ExamResult& result, std::string_view language) {
  boost::json::array positions;
  for (QuestionId id : reason.questions) {
    for (std::size_t i = 0; i < result.questions.size(); ++i) {
      if (result.questions[i].id == id) positions.emplace_back(i + 1);
    }
  }
  return {{"kind", to_string(reason.kind)}, {"message", fail_reason_message(reason, result, language)},
          {"actual", reason.actual},        {"limit", reason.limit},
          {"weight", reason.weight},        {"positions", std::move(positions)}};
}

}  // namespace

boost::json::object result_to_json(const ExamResult& result, std::span<const Question> content,
                                   const ExamSession& session, std::string_view language) {
  require_exam_content(session, content);
  bool same = result.questions.size() == content.size();
  for (std::size_t i = 0; same && i < content.size(); ++i) same = result.questions[i].id == content[i].id;
  if (!same) throw std::invalid_argument("the result does not grade the exam's questions in exam order");
  boost::json::array reasons;
  for (const FailReason& reason : result.fail_reasons) reasons.push_back(fail_reason_of(reason, result, language));
  boost::json::array topics;
  for (const TopicScore& topic : result.topics) {
    topics.push_back(
        boost::json::object{{"topic", topic.topic.value()}, {"correct", topic.correct}, {"total", topic.total}});
  }
  boost::json::array review;
  for (std::size_t i = 0; i < content.size(); ++i) {
    review.push_back(review_of(content[i], session, result.questions[i], i, language));
  }
  boost::json::object out;
  out["finish"] = session.finish ? boost::json::value(to_string(*session.finish)) : boost::json::value(nullptr);
  out["finished_at"] =
      session.finished_at ? boost::json::value(format_instant(*session.finished_at)) : boost::json::value(nullptr);
  out["passed"] = result.passed;
  out["score"] = result.score;
  out["max_score"] = result.max_score;
  out["answered"] = result.answered;
  out["error_points"] = result.error_points;
  out["total_weight"] = result.total_weight;
  out["fail_reasons"] = std::move(reasons);
  out["topics"] = std::move(topics);
  out["review"] = std::move(review);
  return out;
}

}  // namespace dt::catalog::io
