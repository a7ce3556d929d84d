// German scoring: error points, and the rule that two wrong 5-point questions fail even within 10 points.
#include <gtest/gtest.h>

#include "catalog/domain/grading.hpp"
#include "catalog/domain/test_bank.hpp"

namespace {

using namespace dt::catalog;

// 30 questions, 110 points: 10 of 5 points (ids 1-10), 5 of 4 (11-15), 10 of 3 (16-25), 5 of 2 (26-30).
std::vector<Question> german_exam() {
  std::vector<Question> exam;
  for (int id = 1; id <= 30; ++id) {
    const int weight = id <= 10 ? 5 : id <= 15 ? 4 : id <= 25 ? 3 : 2;
    exam.push_back(fixtures::choice(id, id <= 20 ? "de.grund" : "de.b", 3, {0, 1}, weight));
  }
  return exam;
}

ExamResult grade_with_wrong(const Blueprint& blueprint, std::vector<QuestionId> wrong) {
  std::vector<std::optional<Answer>> answers(30, Answer{ChoiceAnswer{{0, 1}}});
  for (QuestionId id : wrong) answers[static_cast<std::size_t>(id - 1)] = ChoiceAnswer{{0}};
  return grade(blueprint, german_exam(), answers);
}

TEST(GradingErrorPoints, TenPointsPass) {
  const ExamResult result = grade_with_wrong(fixtures::de_class_b(), {11, 12, 26});  // 4 + 4 + 2
  EXPECT_EQ(result.error_points, 10);
  EXPECT_EQ(result.total_weight, 110);
  EXPECT_TRUE(result.passed);
}

TEST(GradingErrorPoints, ElevenPointsFail) {
  const ExamResult result = grade_with_wrong(fixtures::de_class_b(), {11, 12, 16});  // 4 + 4 + 3
  EXPECT_EQ(result.error_points, 11);
  EXPECT_FALSE(result.passed);
  ASSERT_EQ(result.fail_reasons.size(), 1u);
  EXPECT_EQ(result.fail_reasons[0].kind, FailReasonKind::error_points_exceeded);
  EXPECT_EQ(result.fail_reasons[0].actual, 11);
  EXPECT_EQ(result.fail_reasons[0].limit, 10);
  EXPECT_EQ(describe(result.fail_reasons[0]), "11 error points, at most 10 allowed");
}

TEST(GradingErrorPoints, TwoWrongFivePointersFailWithinTenPoints) {
  const ExamResult result = grade_with_wrong(fixtures::de_class_b(), {1, 2});
  EXPECT_EQ(result.error_points, 10);
  EXPECT_FALSE(result.passed);
  ASSERT_EQ(result.fail_reasons.size(), 1u);
  const FailReason& reason = result.fail_reasons[0];
  EXPECT_EQ(reason.kind, FailReasonKind::max_weight_wrong);
  EXPECT_EQ(reason.actual, 2);
  EXPECT_EQ(reason.limit, 2);
  EXPECT_EQ(reason.weight, 5);
  EXPECT_EQ(reason.questions, (std::vector<QuestionId>{1, 2}));
  EXPECT_EQ(describe(reason), "2 wrong 5-point questions, 2 fail the exam");
}

TEST(GradingErrorPoints, OneWrongFivePointerPasses) {
  const ExamResult result = grade_with_wrong(fixtures::de_class_b(), {1, 26});
  EXPECT_EQ(result.error_points, 7);
  EXPECT_TRUE(result.passed);
}

TEST(GradingErrorPoints, UnansweredFivePointersCountAsWrong) {
  std::vector<std::optional<Answer>> answers(30, Answer{ChoiceAnswer{{0, 1}}});
  answers[0].reset();
  answers[1].reset();
  const ExamResult result = grade(fixtures::de_class_b(), german_exam(), answers);
  EXPECT_TRUE(result.failed_for(FailReasonKind::max_weight_wrong));
  EXPECT_EQ(result.answered, 28);
}

TEST(GradingErrorPoints, BothRulesCanFailTogether) {
  const ExamResult result = grade_with_wrong(fixtures::de_class_b(), {1, 2, 3});
  EXPECT_EQ(result.error_points, 15);
  EXPECT_TRUE(result.failed_for(FailReasonKind::error_points_exceeded));
  EXPECT_TRUE(result.failed_for(FailReasonKind::max_weight_wrong));
}

TEST(GradingErrorPoints, MaxWeightIsTheFormatsNotTheExamsWhenSet) {
  // An exam that happened to draw no 5-pointer: two wrong 4-pointers (8 points) must pass with max_weight 5.
  auto exam = german_exam();
  for (auto& q : exam) q.weight = std::min(q.weight, 4);
  std::vector<std::optional<Answer>> answers(30, Answer{ChoiceAnswer{{0, 1}}});
  answers[0] = ChoiceAnswer{{0}};
  answers[1] = ChoiceAnswer{{0}};
  EXPECT_TRUE(grade(fixtures::de_class_b(), exam, answers).passed);
  // With max_weight 0 (the bank format's default) the exam's highest weight, 4, is used instead.
  Blueprint from_exam = fixtures::de_class_b();
  from_exam.scoring = ErrorPoints{10, 2, 0};
  const ExamResult result = grade(from_exam, exam, answers);
  EXPECT_FALSE(result.passed);
  EXPECT_EQ(result.reason(FailReasonKind::max_weight_wrong)->weight, 4);
}

TEST(GradingErrorPoints, ALimitOfZeroDisablesTheMaxWeightRule) {
  Blueprint blueprint = fixtures::de_class_b();
  blueprint.scoring = ErrorPoints{10, 0, 5};
  EXPECT_TRUE(grade_with_wrong(blueprint, {1, 2}).passed);
}

TEST(GradingErrorPoints, NumericQuestionsInAGermanExam) {
  std::vector<Question> exam{fixtures::numeric(1, "de.grund", "50", "0", 3), fixtures::choice(2, "de.b", 3, {2}, 5)};
  Blueprint blueprint = fixtures::de_class_b();
  blueprint.scoring = ErrorPoints{3, 2, 5};
  const std::vector<std::optional<Answer>> answers{NumericAnswer{Decimal::from_integer(49)}, ChoiceAnswer{{2}}};
  const ExamResult result = grade(blueprint, exam, answers);
  EXPECT_EQ(result.questions[0].outcome, Outcome::incorrect);
  EXPECT_EQ(result.error_points, 3);
  EXPECT_TRUE(result.passed);
}

}  // namespace
