#include "catalog/domain/question.hpp"

#include <algorithm>

namespace dt::catalog {

std::string_view to_string(QuestionKind kind) { return kind == QuestionKind::choice ? "choice" : "numeric"; }

std::string_view to_string(MediaKind kind) { return kind == MediaKind::image ? "image" : "video"; }

std::string_view to_string(QuestionStatus status) {
  switch (status) {
    case QuestionStatus::draft:
      return "draft";
    case QuestionStatus::published:
      return "published";
    case QuestionStatus::retired:
      return "retired";
  }
  return "draft";
}

std::optional<QuestionKind> parse_question_kind(std::string_view text) {
  if (text == "choice") return QuestionKind::choice;
  if (text == "numeric") return QuestionKind::numeric;
  return std::nullopt;
}

std::optional<MediaKind> parse_media_kind(std::string_view text) {
  if (text == "image") return MediaKind::image;
  if (text == "video") return MediaKind::video;
  return std::nullopt;
}

std::optional<QuestionStatus> parse_question_status(std::string_view text) {
  if (text == "draft") return QuestionStatus::draft;
  if (text == "published") return QuestionStatus::published;
  if (text == "retired") return QuestionStatus::retired;
  return std::nullopt;
}

bool Question::in_pool(std::string_view pool) const {
  return std::find(pools.begin(), pools.end(), pool) != pools.end();
}

int Question::correct_option_count() const {
  return static_cast<int>(std::count_if(options.begin(), options.end(), [](const Option& o) { return o.correct; }));
}

bool Question::gradable() const {
  if (kind == QuestionKind::numeric) return options.empty() && numeric_answer.has_value();
  const auto count = static_cast<int>(options.size());
  return count >= kMinOptions && count <= kMaxOptions && correct_option_count() > 0;
}

}  // namespace dt::catalog
