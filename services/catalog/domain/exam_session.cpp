#include "catalog/domain/exam_session.hpp"

#include <stdexcept>
#include <string>

#include "catalog/domain/grading.hpp"

namespace dt::catalog {

namespace {

void require_open(const ExamSession& session, TimePoint now) {
  if (session.finished()) throw SessionError(SessionErrorCode::already_finished, "the exam is already finished");
  if (now >= session.deadline) throw SessionError(SessionErrorCode::deadline_passed, "the exam time is over");
}

void require_index(const ExamSession& session, std::size_t index) {
  if (index >= session.questions.size()) {
    throw SessionError(SessionErrorCode::no_such_question, "the exam has no question " + std::to_string(index) +
                                                               " (it has " + std::to_string(session.questions.size()) +
                                                               ")");
  }
}

void check_content(const ExamSession& session, std::span<const Question> content) {
  bool same = content.size() == session.questions.size();
  for (std::size_t i = 0; same && i < content.size(); ++i) {
    same = content[i].id == session.questions[i].id && content[i].revision == session.questions[i].revision;
  }
  if (!same) throw std::invalid_argument("exam content does not match the drawn questions and revisions");
}

const ExamResult& finish(ExamSession& session, const Blueprint& blueprint, std::span<const Question> content,
                         ExamFinish how, TimePoint at) {
  check_content(session, content);
  // Only answers recorded before the deadline count, even if a clock or a store let a later one in.
  std::vector<std::optional<Answer>> counted(session.questions.size());
  for (std::size_t i = 0; i < session.answers.size() && i < counted.size(); ++i) {
    const auto& recorded = session.answers[i];
    if (recorded && recorded->answered_at < session.deadline) counted[i] = recorded->answer;
  }
  session.result = grade(blueprint, content, counted);
  session.finish = how;
  session.finished_at = at;
  return *session.result;
}

}  // namespace

std::string_view to_string(ExamFinish finish) { return finish == ExamFinish::submitted ? "submitted" : "expired"; }

std::string_view to_string(SessionStatus status) {
  switch (status) {
    case SessionStatus::in_progress:
      return "in_progress";
    case SessionStatus::time_up:
      return "time_up";
    case SessionStatus::submitted:
      return "submitted";
    case SessionStatus::expired:
      return "expired";
  }
  return "in_progress";
}

ExamSession start_exam(const Blueprint& blueprint, std::vector<DrawnQuestion> questions, TimePoint now) {
  ExamSession session;
  const std::size_t count = questions.size();
  session.questions = std::move(questions);
  session.navigation = blueprint.navigation;
  session.started_at = now;
  session.deadline = now + blueprint.time_limit;
  session.answers.resize(count);
  session.flags.resize(count, false);
  return session;
}

void answer(ExamSession& session, std::size_t index, Answer given, TimePoint now) {
  require_open(session, now);
  require_index(session, index);
  if (auto problem = answer_problem(session.questions[index], given)) {
    throw SessionError(SessionErrorCode::invalid_answer, *problem);
  }
  if (session.answers[index] && !session.navigation.revisit) {
    throw SessionError(SessionErrorCode::revisit_not_allowed, "this exam does not allow changing an answer once given");
  }
  session.answers[index] = RecordedAnswer{std::move(given), now};
}

void flag(ExamSession& session, std::size_t index, bool on, TimePoint now) {
  require_open(session, now);
  require_index(session, index);
  if (!session.navigation.flag) {
    throw SessionError(SessionErrorCode::flag_not_allowed, "this exam does not allow flagging questions");
  }
  session.flags[index] = on;
}

const ExamResult& submit(ExamSession& session, const Blueprint& blueprint, std::span<const Question> content,
                         TimePoint now) {
  if (session.finished()) return *session.result;
  if (now <= session.deadline + kSubmitGrace) {
    return finish(session, blueprint, content, ExamFinish::submitted, now);
  }
  return finish(session, blueprint, content, ExamFinish::expired, session.deadline);
}

bool expire(ExamSession& session, const Blueprint& blueprint, std::span<const Question> content, TimePoint now) {
  if (session.finished() || now <= session.deadline + kSubmitGrace) return false;
  finish(session, blueprint, content, ExamFinish::expired, session.deadline);
  return true;
}

std::chrono::milliseconds remaining(const ExamSession& session, TimePoint now) {
  if (session.finished() || now >= session.deadline) return std::chrono::milliseconds::zero();
  return std::chrono::ceil<std::chrono::milliseconds>(session.deadline - now);
}

SessionStatus status(const ExamSession& session, TimePoint now) {
  if (session.finish)
    return *session.finish == ExamFinish::submitted ? SessionStatus::submitted : SessionStatus::expired;
  return now >= session.deadline ? SessionStatus::time_up : SessionStatus::in_progress;
}

}  // namespace dt::catalog
