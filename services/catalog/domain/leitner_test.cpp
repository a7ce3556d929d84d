#include "catalog/domain/leitner.hpp"

#include <gtest/gtest.h>

namespace {

using namespace dt::catalog;
using std::chrono::days;

const Date kToday = make_date(2025, 6, 10);

TEST(Leitner, AWrongAnswerPutsTheQuestionInBoxOneDueTomorrow) {
  const auto card = review(std::nullopt, 42, false, kToday);
  ASSERT_TRUE(card.has_value());
  EXPECT_EQ(*card, (LeitnerCard{42, 1, kToday + days{1}}));
}

TEST(Leitner, ARightAnswerMovesUpOneBoxWithItsInterval) {
  std::optional<LeitnerCard> card = LeitnerCard{7, 1, kToday};
  const int expected_days[] = {2, 4, 8, 16};
  for (int box = 2; box <= 5; ++box) {
    card = review(card, 7, true, kToday);
    ASSERT_TRUE(card.has_value());
    EXPECT_EQ(card->box, box);
    EXPECT_EQ(card->due, kToday + days{expected_days[box - 2]});
  }
}

TEST(Leitner, RightInBoxFiveGraduates) { EXPECT_FALSE(review(LeitnerCard{7, 5, kToday}, 7, true, kToday).has_value()); }

TEST(Leitner, WrongFromAnyBoxFallsBackToBoxOne) {
  for (int box = 1; box <= 5; ++box) {
    const auto card = review(LeitnerCard{7, box, kToday}, 7, false, kToday);
    EXPECT_EQ(card->box, 1);
    EXPECT_EQ(card->due, kToday + days{1});
  }
}

TEST(Leitner, RightAnswersOutsideTheQueueDoNotEnterIt) {
  EXPECT_FALSE(review(std::nullopt, 9, true, kToday).has_value());
}

TEST(Leitner, DueListsOverdueFirstThenLowerBoxThenId) {
  const std::vector<LeitnerCard> queue{
      {1, 3, kToday}, {2, 1, kToday - days{2}}, {3, 2, kToday + days{1}},
      {4, 1, kToday}, {5, 4, kToday - days{2}}, {6, 1, kToday},
  };
  EXPECT_EQ(due(queue, kToday), (std::vector<QuestionId>{2, 5, 4, 6, 1}));
  EXPECT_EQ(due(queue, kToday - days{3}), std::vector<QuestionId>{});
  EXPECT_EQ(due(queue, kToday + days{1}).size(), 6u);
}

TEST(Leitner, ALearningRunFromFirstMistakeToGraduation) {
  std::optional<LeitnerCard> card = review(std::nullopt, 1, false, kToday);
  Date day = kToday;
  int reviews = 0;
  while (card) {
    day = card->due;
    card = review(card, 1, true, day);
    ++reviews;
  }
  EXPECT_EQ(reviews, 5);
  EXPECT_EQ(day, kToday + days{1 + 2 + 4 + 8 + 16});
}

}  // namespace
