#include "catalog/domain/draw_pool.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "catalog/domain/test_bank.hpp"

namespace {

using namespace dt::catalog;

std::vector<std::vector<QuestionId>> units(const DrawPool& pool, const UnitPool& units_of) {
  std::vector<std::vector<QuestionId>> list;
  for (const DrawUnit& unit : units_of.units) {
    std::vector<QuestionId> members;
    for (const DrawCandidate& c : pool.members(unit)) members.push_back(c.id);
    list.push_back(members);
  }
  return list;
}

TEST(DrawPool, CountsWhatEachQuotaAndTheCriticalRuleCanDrawFrom) {
  const DrawPool pool(fixtures::vn_2025("B"), fixtures::vn_bank());
  ASSERT_EQ(pool.quotas().size(), 6u);
  EXPECT_EQ(pool.critical().available, 60);
  EXPECT_EQ(pool.quotas()[0].available, 180 - 45);
  EXPECT_EQ(pool.quotas()[1].available, 25 - 4);
  EXPECT_EQ(pool.quotas()[2].available, 58 - 11);
  EXPECT_EQ(pool.quotas()[3].available, 37);
  EXPECT_EQ(pool.quotas()[4].available, 185);
  EXPECT_EQ(pool.quotas()[5].available, 115);
  for (const UnitPool& quota : pool.quotas()) EXPECT_TRUE(quota.satisfiable);
  EXPECT_EQ(pool.quotas()[5].needed, 9);
}

TEST(DrawPool, SubsetPoolsCountOnlyTheirQuestions) {
  const DrawPool a(fixtures::vn_2025("A1"), fixtures::vn_bank());
  int total = a.critical().available;
  for (const UnitPool& quota : a.quotas()) total += quota.available;
  EXPECT_EQ(total, 250);
  const DrawPool b1(fixtures::vn_2025("B1"), fixtures::vn_bank());
  total = b1.critical().available;
  for (const UnitPool& quota : b1.quotas()) total += quota.available;
  EXPECT_EQ(total, 300);
}

TEST(DrawPool, UnitsAreInIdOrderWhateverTheBankOrder) {
  auto bank = fixtures::uk_bank();
  std::reverse(bank.begin(), bank.end());
  std::rotate(bank.begin(), bank.begin() + 123, bank.end());
  const DrawPool pool(fixtures::uk_car(), bank);
  const auto topic4 = units(pool, pool.quotas()[3]);
  ASSERT_EQ(topic4.size(), 48u);  // 47 singles and the clip
  EXPECT_EQ(topic4[0], (std::vector<QuestionId>{10401}));
  EXPECT_EQ(topic4[19], (std::vector<QuestionId>{10420, 10421, 10422}));
  EXPECT_EQ(topic4[20], (std::vector<QuestionId>{10423}));
  EXPECT_EQ(pool.quotas()[3].available, 50);
}

TEST(DrawPool, AGroupMixingCriticalAndNonCriticalIsReported) {
  std::vector<Question> bank{fixtures::choice(1, "vn.1", 2, {0}, 1, true), fixtures::choice(2, "vn.1", 2, {0})};
  bank[0].group = "g";
  bank[1].group = "g";
  const DrawPool pool(fixtures::vn_2025("B"), bank);
  ASSERT_EQ(pool.group_problems().size(), 1u);
  EXPECT_EQ(pool.group_problems()[0].questions, (std::vector<QuestionId>{1, 2}));
  EXPECT_EQ(pool.critical().available, 0);
  EXPECT_EQ(pool.quotas()[0].available, 0);
}

TEST(DrawPool, AGroupOutsideEveryQuotaIsSimplyNotExamined) {
  std::vector<Question> bank{fixtures::choice(1, "vn.9", 2, {0}), fixtures::choice(2, "vn.9", 2, {0})};
  bank[0].group = "g";
  bank[1].group = "g";
  const DrawPool pool(fixtures::vn_2025("B"), bank);
  EXPECT_TRUE(pool.group_problems().empty());
}

}  // namespace
