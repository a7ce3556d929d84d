#include "catalog/domain/blueprint_validation.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "catalog/domain/test_bank.hpp"

namespace {

using namespace dt::catalog;

bool has_problem(const ValidationProblems& problems, const std::string& field) {
  return std::any_of(problems.begin(), problems.end(), [&](const ValidationProblem& p) { return p.field == field; });
}

TEST(BlueprintValidation, EveryFixtureBlueprintIsValid) {
  std::vector<Blueprint> all = fixtures::vn_2025_blueprints();
  for (auto& b : fixtures::vn_2020_blueprints()) all.push_back(b);
  all.push_back(fixtures::uk_car());
  all.push_back(fixtures::de_class_b());
  for (const Blueprint& b : all) {
    const ValidationProblems problems = validate(b);
    EXPECT_TRUE(problems.empty()) << b.code << ": " << (problems.empty() ? "" : problems[0].message);
  }
}

TEST(BlueprintValidation, QuestionCountMustEqualQuotasPlusCritical) {
  Blueprint b = fixtures::vn_2025("B");
  b.question_count = 31;
  const ValidationProblems problems = validate(b);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].field, "question_count");
  EXPECT_EQ(problems[0].message, "is 31 but the quotas and critical.count add up to 30");
}

TEST(BlueprintValidation, PassMarkWithinQuestionCount) {
  Blueprint b = fixtures::vn_2025("B");
  b.scoring = CountCorrect{31};
  EXPECT_TRUE(has_problem(validate(b), "scoring.pass_mark"));
  b.scoring = CountCorrect{0};
  EXPECT_TRUE(has_problem(validate(b), "scoring.pass_mark"));
  b.scoring = CountCorrect{30};
  EXPECT_TRUE(validate(b).empty());
}

TEST(BlueprintValidation, ErrorPointsMustNotBeNegative) {
  Blueprint b = fixtures::de_class_b();
  b.scoring = ErrorPoints{-1, -1, -1};
  const ValidationProblems problems = validate(b);
  EXPECT_TRUE(has_problem(problems, "scoring.max_error_points"));
  EXPECT_TRUE(has_problem(problems, "scoring.max_weight_wrong_limit"));
  EXPECT_TRUE(has_problem(problems, "scoring.max_weight"));
  b.scoring = ErrorPoints{0, 0, 0};  // zero tolerance, rule disabled, weight from the exam: all legal
  EXPECT_TRUE(validate(b).empty());
}

TEST(BlueprintValidation, QuotasNeedDistinctTopicsAndPositiveCounts) {
  Blueprint b = fixtures::vn_2025("B");
  b.quotas[1].topics.push_back(TopicCode("vn.1"));  // vn.1 is quota 0's
  b.quotas[2].topics.clear();
  b.quotas[3].count = 0;
  b.quotas[4].topics.push_back(TopicCode("bad topic"));
  const ValidationProblems problems = validate(b);
  EXPECT_TRUE(has_problem(problems, "quotas[1].topics[1]"));
  EXPECT_TRUE(has_problem(problems, "quotas[2].topics"));
  EXPECT_TRUE(has_problem(problems, "quotas[3].count"));
  EXPECT_TRUE(has_problem(problems, "quotas[4].topics[1]"));
  EXPECT_TRUE(has_problem(problems, "question_count"));
}

TEST(BlueprintValidation, DatesCodesTimeAndVersion) {
  Blueprint b = fixtures::vn_2025("B");
  b.valid_to = b.valid_from;  // empty range
  b.time_limit = std::chrono::seconds(0);
  b.version = 0;
  b.code = "";
  b.licence_class = LicenceClassCode("");
  b.jurisdiction = JurisdictionCode("v n");
  b.pool = "bad pool";
  b.critical.count = -1;
  const ValidationProblems problems = validate(b);
  for (const char* field : {"valid_to", "time_limit_seconds", "version", "code", "licence_class", "jurisdiction",
                            "pool", "critical.count"}) {
    EXPECT_TRUE(has_problem(problems, field)) << field;
  }
}

TEST(Blueprint, InForceIsHalfOpen) {
  const Blueprint old = fixtures::vn_2020_blueprints()[0];
  EXPECT_FALSE(old.in_force_on(make_date(2020, 7, 31)));
  EXPECT_TRUE(old.in_force_on(make_date(2020, 8, 1)));
  EXPECT_TRUE(old.in_force_on(make_date(2025, 5, 31)));
  EXPECT_FALSE(old.in_force_on(make_date(2025, 6, 1)));
  EXPECT_TRUE(fixtures::vn_2025("B").in_force_on(make_date(2099, 1, 1)));
}

TEST(Blueprint, QuotaOfTopicAndPolicyName) {
  const Blueprint a1 = fixtures::vn_2025("A1");
  EXPECT_EQ(a1.quota_of(TopicCode("vn.1"), 1), 0);
  EXPECT_EQ(a1.quota_of(TopicCode("vn.3"), 1), 2);
  EXPECT_EQ(a1.quota_of(TopicCode("vn.4"), 1), 2);
  EXPECT_EQ(a1.quota_of(TopicCode("vn.9"), 1), -1);
  EXPECT_EQ(policy_name(a1.scoring), "count_correct");
  EXPECT_EQ(policy_name(fixtures::de_class_b().scoring), "error_points");
}

}  // namespace
