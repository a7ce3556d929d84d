#include "catalog/io/exam_json.hpp"

#include <boost/json/array.hpp>

#include "catalog/io/answer_json.hpp"
#include "catalog/io/exam_content.hpp"
#include "catalog/io/instant_json.hpp"
#include "catalog/io/question_json.hpp"

namespace dt::catalog::io {

namespace {

boost::json::object question_view(const Question& q, const DrawnQuestion& drawn, std::size_t index,
                                  const ExamSession& session, std::string_view language) {
  boost::json::object out;
  out["position"] = index + 1;
  out["kind"] = to_string(q.kind);
  out["text"] = q.text.best(language);
  if (q.kind == QuestionKind::choice) {
    boost::json::array options;
    for (int id : drawn.option_order) {
      options.push_back(
          boost::json::object{{"id", id}, {"text", q.options.at(static_cast<std::size_t>(id)).text.best(language)}});
    }
    out["options"] = std::move(options);
  }
  out["media"] = media_to_json(q.media);
  out["weight"] = q.weight;
  out["flagged"] = static_cast<bool>(session.flags[index]);
  const auto& recorded = session.answers[index];
  out["answer"] = recorded ? boost::json::value(answer_to_json(recorded->answer)) : boost::json::value(nullptr);
  return out;
}

}  // namespace

boost::json::object exam_to_json(const ExamSession& session, std::span<const Question> content,
                                 std::string_view language, TimePoint now) {
  require_exam_content(session, content);
  boost::json::array questions;
  std::size_t answered = 0;
  for (std::size_t i = 0; i < content.size(); ++i) {
    questions.push_back(question_view(content[i], session.questions[i], i, session, language));
    if (session.answers[i]) ++answered;
  }
  boost::json::object out;
  out["status"] = to_string(status(session, now));
  out["started_at"] = format_instant(session.started_at);
  out["deadline"] = format_instant(session.deadline);
  out["remaining_seconds"] = remaining(session, now).count() / 1000;
  out["navigation"] = boost::json::object{{"flag", session.navigation.flag}, {"revisit", session.navigation.revisit}};
  out["question_count"] = content.size();
  out["answered_count"] = answered;
  out["questions"] = std::move(questions);
  return out;
}

}  // namespace dt::catalog::io
