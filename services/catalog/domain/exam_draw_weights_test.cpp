// Quotas restricted by weight: the German class B exam draws ten 5-point, five 4-point, ten 3-point and five
// 2-point questions over all topics, so every exam is worth exactly 110 points.
#include <gtest/gtest.h>

#include <map>

#include "catalog/domain/blueprint_validation.hpp"
#include "catalog/domain/exam_draw.hpp"
#include "catalog/domain/test_bank.hpp"

namespace {

using namespace dt::catalog;

std::vector<Question> weighted_bank() {
  std::vector<Question> bank;
  QuestionId id = 1;
  for (const char* topic : {"de.grund", "de.b"}) {
    for (int weight = 2; weight <= 5; ++weight) {
      for (int i = 0; i < 15; ++i) bank.push_back(fixtures::choice(id++, topic, 3, {0}, weight));
    }
  }
  return bank;
}

Blueprint weighted_blueprint() {
  Blueprint b = fixtures::de_class_b();
  const std::vector<TopicCode> all{TopicCode("de.grund"), TopicCode("de.b")};
  b.quotas = {{all, 10, 5}, {all, 5, 4}, {all, 10, 3}, {all, 5, 2}};
  return b;
}

TEST(ExamDrawWeights, EveryExamIsWorthExactly110Points) {
  const auto bank = weighted_bank();
  std::map<QuestionId, int> weight_of;
  for (const auto& q : bank) weight_of[q.id] = q.weight;
  const Blueprint blueprint = weighted_blueprint();
  ASSERT_TRUE(validate(blueprint).empty());
  const ExamDraw draw(blueprint, bank);
  for (std::uint64_t seed = 0; seed < 200; ++seed) {
    std::map<int, int> per_weight;
    int points = 0;
    for (const auto& drawn : draw.draw(seed)) {
      ++per_weight[weight_of.at(drawn.id)];
      points += weight_of.at(drawn.id);
    }
    EXPECT_EQ(points, 110) << "seed " << seed;
    EXPECT_EQ(per_weight, (std::map<int, int>{{2, 5}, {3, 10}, {4, 5}, {5, 10}})) << "seed " << seed;
  }
}

TEST(ExamDrawWeights, QuotasMayShareTopicsOnlyWithDifferentWeights) {
  Blueprint b = weighted_blueprint();
  EXPECT_TRUE(validate(b).empty());
  b.quotas[1].weight = 5;  // two quotas for the 5-point questions of the same topics
  EXPECT_FALSE(validate(b).empty());
  b = weighted_blueprint();
  b.quotas[1].weight.reset();  // "any weight" overlaps every weighted quota
  EXPECT_FALSE(validate(b).empty());
  b = weighted_blueprint();
  b.quotas[2].weight = 0;
  EXPECT_FALSE(validate(b).empty());
}

TEST(ExamDrawWeights, AQuestionOfAnotherWeightBelongsToNoQuota) {
  const Blueprint b = weighted_blueprint();
  EXPECT_EQ(b.quota_of(TopicCode("de.b"), 5), 0);
  EXPECT_EQ(b.quota_of(TopicCode("de.b"), 2), 3);
  EXPECT_EQ(b.quota_of(TopicCode("de.b"), 1), -1);
}

}  // namespace
