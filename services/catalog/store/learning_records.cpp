#include "catalog/store/learning_records.hpp"

namespace dt::catalog::store {

std::string_view to_string(AnswerSource source) { return source == AnswerSource::exam ? "exam" : "practice"; }

std::optional<AnswerSource> parse_answer_source(std::string_view text) {
  if (text == "exam") return AnswerSource::exam;
  if (text == "practice") return AnswerSource::practice;
  return std::nullopt;
}

}  // namespace dt::catalog::store
