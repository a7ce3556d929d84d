#pragma once
// ExamSession: an exam in progress and the server-side timing rules, as a plain state struct (the store saves
// and loads it) and pure functions that take `now` explicitly (tests need no clock, the API passes its own).
//
// - The deadline is started_at + the blueprint's time limit. From the deadline on, answers are refused.
// - submit() is idempotent: once graded, every later submit returns the same result.
// - A submit arriving up to kSubmitGrace after the deadline (a client's auto-submit in flight) still counts as
//   submitted; later, the exam counts as expired. Either way only answers recorded before the deadline count.
// - expire() grades an exam nobody submitted once the deadline and the grace have passed (a sweeper calls it).
// Refusals throw SessionError (session_error.hpp) and leave the session unchanged.
#include <chrono>
#include <cstddef>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "catalog/domain/answer.hpp"
#include "catalog/domain/blueprint.hpp"
#include "catalog/domain/date.hpp"
#include "catalog/domain/drawn_question.hpp"
#include "catalog/domain/exam_result.hpp"
#include "catalog/domain/question.hpp"
#include "catalog/domain/session_error.hpp"

namespace dt::catalog {

inline constexpr std::chrono::seconds kSubmitGrace{5};

struct RecordedAnswer {
  Answer answer;
  TimePoint answered_at{};

  friend bool operator==(const RecordedAnswer&, const RecordedAnswer&) = default;
};

enum class ExamFinish { submitted, expired };
enum class SessionStatus { in_progress, time_up, submitted, expired };  // time_up: past deadline, not graded yet

std::string_view to_string(ExamFinish finish);
std::string_view to_string(SessionStatus status);

struct ExamSession {
  std::vector<DrawnQuestion> questions;
  Navigation navigation;  // copied from the blueprint at start: the exam keeps the rules it began with
  TimePoint started_at{};
  TimePoint deadline{};
  std::vector<std::optional<RecordedAnswer>> answers;  // one slot per question
  std::vector<bool> flags;                             // one per question
  std::optional<TimePoint> finished_at;                // the submit time, or the deadline for an expired exam
  std::optional<ExamFinish> finish;
  std::optional<ExamResult> result;

  bool finished() const { return result.has_value(); }

  friend bool operator==(const ExamSession&, const ExamSession&) = default;
};

ExamSession start_exam(const Blueprint& blueprint, std::vector<DrawnQuestion> questions, TimePoint now);

// Records (or, when navigation.revisit allows, replaces) the answer to question `index`.
void answer(ExamSession& session, std::size_t index, Answer given, TimePoint now);
void flag(ExamSession& session, std::size_t index, bool on, TimePoint now);

// `content` holds the questions of session.questions, same order, same revisions (std::invalid_argument
// otherwise): grading needs their correct options and weights, which the session does not keep.
const ExamResult& submit(ExamSession& session, const Blueprint& blueprint, std::span<const Question> content,
                         TimePoint now);
// Grades an unfinished exam whose deadline + grace has passed; returns whether it did.
bool expire(ExamSession& session, const Blueprint& blueprint, std::span<const Question> content, TimePoint now);

// Time left to answer: zero from the deadline on and once finished.
std::chrono::milliseconds remaining(const ExamSession& session, TimePoint now);
SessionStatus status(const ExamSession& session, TimePoint now);

}  // namespace dt::catalog
