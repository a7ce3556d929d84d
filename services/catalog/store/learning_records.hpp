#pragma once
// What learners did, as the store keeps it: graded answers (exam and practice) and bookmarks.
#include <optional>
#include <string>
#include <string_view>

#include "catalog/domain/code.hpp"
#include "catalog/domain/date.hpp"
#include "catalog/domain/question.hpp"

namespace dt::catalog::store {

enum class AnswerSource { exam, practice };

std::string_view to_string(AnswerSource source);
std::optional<AnswerSource> parse_answer_source(std::string_view text);

// One graded answer to record. exam_id is set exactly for exam answers; an exam's answers are recorded once
// (recording them again is ignored, so a retried request does no harm).
struct AnswerEntry {
  QuestionId question = 0;
  int revision = 0;
  bool correct = false;
  TimePoint answered_at{};
  AnswerSource source = AnswerSource::practice;
  std::optional<std::string> exam_id;
};

// A logged answer, with the question's current topic, for statistics and mistakes.
struct AnswerLogEntry {
  QuestionId question = 0;
  int revision = 0;
  TopicCode topic;
  bool correct = false;
  TimePoint answered_at{};
  AnswerSource source = AnswerSource::practice;
  std::optional<std::string> exam_id;
};

struct Bookmark {
  QuestionId question = 0;
  TimePoint created_at{};
};

}  // namespace dt::catalog::store
