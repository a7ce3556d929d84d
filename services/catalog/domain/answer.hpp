#pragma once
// Answer: what a candidate gave for one question. Options are named by their index in the question (the
// DrawnQuestion's option_order only says where each was shown), so an answer means the same thing whatever the
// shuffle; the API sends each option with that index as its id.
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "catalog/domain/decimal.hpp"
#include "catalog/domain/drawn_question.hpp"

namespace dt::catalog {

struct ChoiceAnswer {
  std::vector<int> selected;  // option indices, any order

  friend bool operator==(const ChoiceAnswer&, const ChoiceAnswer&) = default;
};

struct NumericAnswer {
  Decimal value;

  friend bool operator==(const NumericAnswer&, const NumericAnswer&) = default;
};

using Answer = std::variant<ChoiceAnswer, NumericAnswer>;

// Why `answer` cannot be an answer to `question` (wrong kind, no option, an index out of range or given
// twice), or nullopt when it can. Whether it is right is grading's business.
std::optional<std::string> answer_problem(const DrawnQuestion& question, const Answer& answer);

}  // namespace dt::catalog
