#include "catalog/domain/answer.hpp"

#include <algorithm>

namespace dt::catalog {

std::optional<std::string> answer_problem(const DrawnQuestion& question, const Answer& answer) {
  if (question.kind == QuestionKind::numeric) {
    if (!std::holds_alternative<NumericAnswer>(answer)) return "this question takes a number";
    return std::nullopt;
  }
  const auto* choice = std::get_if<ChoiceAnswer>(&answer);
  if (choice == nullptr) return "this question takes a choice of options";
  if (choice->selected.empty()) return "choose at least one option";
  const auto options = static_cast<int>(question.option_order.size());
  std::vector<int> sorted = choice->selected;
  std::sort(sorted.begin(), sorted.end());
  if (sorted.front() < 0 || sorted.back() >= options) {
    return "options are numbered 0 to " + std::to_string(options - 1);
  }
  if (std::adjacent_find(sorted.begin(), sorted.end()) != sorted.end()) return "an option is chosen twice";
  return std::nullopt;
}

}  // namespace dt::catalog
