#include "catalog/domain/bank_validation.hpp"

#include <gtest/gtest.h>

#include "catalog/domain/test_bank.hpp"

namespace {

using namespace dt::catalog;

std::vector<Blueprint> all_blueprints() {
  std::vector<Blueprint> all = fixtures::vn_2025_blueprints();
  for (auto& b : fixtures::vn_2020_blueprints()) all.push_back(b);
  return all;
}

TEST(BankValidation, TheSyntheticBankFeedsEveryVnBlueprint) {
  const BankReport report = validate_bank(fixtures::vn_bank(), all_blueprints());
  EXPECT_TRUE(report.invalid_questions.empty());
  EXPECT_TRUE(report.version_problems.empty());
  for (const BlueprintReport& b : report.blueprints) {
    EXPECT_TRUE(b.drawable) << b.code;
    EXPECT_EQ(b.critical.needed, 1);
  }
  EXPECT_TRUE(report.ok());
}

TEST(BankValidation, FlagsAQuestionWithoutACorrectOption) {
  auto bank = fixtures::vn_bank();
  for (Option& option : bank[9].options) option.correct = false;
  bank[20].options.resize(1);
  bank[30].status = QuestionStatus::retired;  // retired questions are not reported
  bank[30].options.clear();
  const BankReport report = validate_bank(bank, {});
  ASSERT_EQ(report.invalid_questions.size(), 2u);
  EXPECT_EQ(report.invalid_questions[0].id, 10);
  EXPECT_EQ(report.invalid_questions[0].external_id, "vn-0010");
  EXPECT_EQ(report.invalid_questions[0].problems,
            (ValidationProblems{{"options", "at least one option must be correct"}}));
  EXPECT_EQ(report.invalid_questions[1].id, 21);
  EXPECT_EQ(report.invalid_questions[1].problems[0].message, "a choice question needs 2 to 6 options, it has 1");
  EXPECT_FALSE(report.ok());
}

TEST(BankValidation, FlagsAnUnsatisfiableQuota) {
  auto bank = fixtures::vn_bank();
  for (Question& q : bank) {
    if (fixtures::vn_chapter(static_cast<int>(q.id)) == 4) q.status = QuestionStatus::draft;
  }
  const BankReport report =
      validate_bank(bank, std::vector<Blueprint>{fixtures::vn_2025("B"), fixtures::vn_2025("A1")});
  const BlueprintReport& b = report.blueprints[0];
  EXPECT_FALSE(b.drawable);
  ASSERT_EQ(b.quotas.size(), 6u);
  EXPECT_EQ(b.quotas[3].field, "quotas[3]");
  EXPECT_EQ(b.quotas[3].topics, std::vector<TopicCode>{TopicCode("vn.4")});
  EXPECT_EQ(b.quotas[3].needed, 1);
  EXPECT_EQ(b.quotas[3].available, 0);
  EXPECT_FALSE(b.quotas[3].satisfiable);
  EXPECT_EQ(b.quotas[3].severity, Severity::error);
  EXPECT_EQ(b.quotas[0].severity, Severity::ok);
  EXPECT_TRUE(report.blueprints[1].drawable) << "A1 takes chapter 3 or 4";
  EXPECT_FALSE(report.ok());
}

TEST(BankValidation, CriticalPoolAvailableVersusNeeded) {
  auto bank = fixtures::vn_bank();
  int kept = 0;
  for (Question& q : bank) {
    if (q.critical && ++kept > 2) q.status = QuestionStatus::retired;  // 2 critical questions left
  }
  const BankReport low = validate_bank(bank, std::vector<Blueprint>{fixtures::vn_2025("B")});
  EXPECT_EQ(low.blueprints[0].critical.needed, 1);
  EXPECT_EQ(low.blueprints[0].critical.available, 2);
  EXPECT_EQ(low.blueprints[0].critical.severity, Severity::warning);  // fewer than 3x needed
  EXPECT_TRUE(low.blueprints[0].drawable);
  EXPECT_TRUE(low.ok()) << "warnings do not make the bank unusable";

  Blueprint three = fixtures::vn_2025("B");
  three.critical.count = 3;
  three.quotas[0].count -= 2;
  const BankReport none = validate_bank(bank, std::vector<Blueprint>{three});
  EXPECT_EQ(none.blueprints[0].critical.available, 2);
  EXPECT_EQ(none.blueprints[0].critical.severity, Severity::error);
  EXPECT_FALSE(none.blueprints[0].drawable);
}

TEST(BankValidation, ReportsInvalidBlueprintsGroupsAndOverlaps) {
  auto bank = fixtures::uk_bank();
  for (Question& q : bank) {
    if (q.id == 10422) q.topic = TopicCode("uk.5");  // the clip now spans two quotas
  }
  Blueprint broken = fixtures::uk_car();
  broken.code = "uk-broken";
  broken.question_count = 51;
  const BankReport report = validate_bank(bank, std::vector<Blueprint>{fixtures::uk_car(), broken});
  EXPECT_EQ(report.blueprints[0].groups.size(), 1u);
  EXPECT_TRUE(report.blueprints[0].drawable);
  EXPECT_FALSE(report.blueprints[1].problems.empty());
  EXPECT_FALSE(report.blueprints[1].drawable);
  EXPECT_EQ(report.version_problems.size(), 1u);  // two codes for class car on the same days
  EXPECT_FALSE(report.ok());
  EXPECT_EQ(to_string(Severity::warning), "warning");
}

}  // namespace
