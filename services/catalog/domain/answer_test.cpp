#include "catalog/domain/answer.hpp"

#include <gtest/gtest.h>

namespace {

using namespace dt::catalog;

DrawnQuestion choice_of(int options) {
  DrawnQuestion q;
  q.kind = QuestionKind::choice;
  for (int i = options - 1; i >= 0; --i) q.option_order.push_back(i);
  return q;
}

TEST(Answer, AcceptsWellFormedAnswers) {
  EXPECT_FALSE(answer_problem(choice_of(4), ChoiceAnswer{{3}}).has_value());
  EXPECT_FALSE(answer_problem(choice_of(4), ChoiceAnswer{{2, 0}}).has_value());
  DrawnQuestion numeric;
  numeric.kind = QuestionKind::numeric;
  EXPECT_FALSE(answer_problem(numeric, NumericAnswer{Decimal::from_integer(-3)}).has_value());
}

TEST(Answer, RefusesMalformedAnswers) {
  EXPECT_EQ(answer_problem(choice_of(4), ChoiceAnswer{{4}}), "options are numbered 0 to 3");
  EXPECT_EQ(answer_problem(choice_of(4), ChoiceAnswer{{-1}}), "options are numbered 0 to 3");
  EXPECT_EQ(answer_problem(choice_of(4), ChoiceAnswer{{1, 1}}), "an option is chosen twice");
  EXPECT_EQ(answer_problem(choice_of(4), ChoiceAnswer{}), "choose at least one option");
  EXPECT_EQ(answer_problem(choice_of(4), NumericAnswer{}), "this question takes a choice of options");
  DrawnQuestion numeric;
  numeric.kind = QuestionKind::numeric;
  EXPECT_EQ(answer_problem(numeric, ChoiceAnswer{{0}}), "this question takes a number");
}

}  // namespace
