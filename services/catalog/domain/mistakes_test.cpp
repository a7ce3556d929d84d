#include "catalog/domain/mistakes.hpp"

#include <gtest/gtest.h>

namespace {

using namespace dt::catalog;
using std::chrono::minutes;

const TimePoint kT0 = TimePoint{} + std::chrono::hours(24 * 20000);

TEST(Mistakes, WrongAndNotRightSince) {
  const std::vector<LoggedAnswer> log{
      {1, false, kT0},               // 1: wrong, then right: not a mistake any more
      {2, false, kT0 + minutes(1)},  // 2: wrong twice
      {1, true, kT0 + minutes(2)},
      {3, true, kT0 + minutes(3)},  // 3: right, then wrong
      {3, false, kT0 + minutes(4)},
      {2, false, kT0 + minutes(5)},
      {4, true, kT0 + minutes(6)},  // 4: only right
  };
  const auto list = mistakes(log);
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[0], (Mistake{2, kT0 + minutes(5), 2}));
  EXPECT_EQ(list[1], (Mistake{3, kT0 + minutes(4), 1}));
}

TEST(Mistakes, WrongAgainAfterRightCountsAfresh) {
  const std::vector<LoggedAnswer> log{
      {1, false, kT0}, {1, false, kT0 + minutes(1)}, {1, true, kT0 + minutes(2)}, {1, false, kT0 + minutes(3)}};
  const auto list = mistakes(log);
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0].times_wrong, 1);
}

TEST(Mistakes, EmptyLogNoMistakes) { EXPECT_TRUE(mistakes({}).empty()); }

TEST(Mistakes, TiesOrderedById) {
  const std::vector<LoggedAnswer> log{{9, false, kT0}, {3, false, kT0}};
  const auto list = mistakes(log);
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[0].question, 3);
  EXPECT_EQ(list[1].question, 9);
}

}  // namespace
