#pragma once
// DrawnQuestion: one question of a drawn exam, as the exam stores it. It pins the revision shown (later edits
// of the question do not change an exam in progress or its result) and the order the options were shown in.
#include <vector>

#include "catalog/domain/question.hpp"

namespace dt::catalog {

struct DrawnQuestion {
  QuestionId id = 0;
  int revision = 0;
  QuestionKind kind = QuestionKind::choice;
  bool critical = false;
  // Display position -> option index in the question: option_order[0] is the index of the option shown first.
  // The identity when the question does not shuffle; empty for numeric questions. Answers always name options
  // by their index in the question, never by display position.
  std::vector<int> option_order;

  friend bool operator==(const DrawnQuestion&, const DrawnQuestion&) = default;
};

}  // namespace dt::catalog
