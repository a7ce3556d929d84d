#include "catalog/domain/grading.hpp"

#include <gtest/gtest.h>

#include "catalog/domain/test_bank.hpp"

namespace {

using namespace dt::catalog;
using fixtures::choice;
using fixtures::numeric;

// A class-B exam: 30 single-answer questions, the first one critical; option 0 is always the right one.
std::vector<Question> class_b_exam() {
  std::vector<Question> exam;
  for (int i = 0; i < 30; ++i) exam.push_back(choice(i + 1, i < 15 ? "vn.1" : "vn.5", 4, {0}, 1, i == 0));
  return exam;
}

std::vector<std::optional<Answer>> answers_with_wrong(std::vector<int> wrong, int count = 30) {
  std::vector<std::optional<Answer>> answers(static_cast<std::size_t>(count));
  for (int i = 0; i < count; ++i) answers[static_cast<std::size_t>(i)] = ChoiceAnswer{{0}};
  for (int i : wrong) answers[static_cast<std::size_t>(i)] = ChoiceAnswer{{1}};
  return answers;
}

TEST(Grading, ClassBPassesWith27Of30) {
  const ExamResult result = grade(fixtures::vn_2025("B"), class_b_exam(), answers_with_wrong({3, 4, 5}));
  EXPECT_EQ(result.score, 27);
  EXPECT_EQ(result.max_score, 30);
  EXPECT_TRUE(result.passed);
  EXPECT_TRUE(result.fail_reasons.empty());
}

TEST(Grading, ClassBFailsWith26Of30AndKeepsThePartialScore) {
  const ExamResult result = grade(fixtures::vn_2025("B"), class_b_exam(), answers_with_wrong({3, 4, 5, 6}));
  EXPECT_EQ(result.score, 26);  // not 0: the original system's integer division made any miss score 0%
  EXPECT_FALSE(result.passed);
  ASSERT_EQ(result.fail_reasons.size(), 1u);
  const FailReason& reason = result.fail_reasons[0];
  EXPECT_EQ(reason.kind, FailReasonKind::score_below_pass_mark);
  EXPECT_EQ(reason.actual, 26);
  EXPECT_EQ(reason.limit, 27);
  EXPECT_EQ(describe(reason), "26 correct answers, at least 27 needed");
}

TEST(Grading, APartialScoreIsTheNumberOfCorrectAnswers) {
  const ExamResult result = grade(fixtures::vn_2025("B"), class_b_exam(), answers_with_wrong({1, 2, 3, 4, 5, 6, 7}));
  EXPECT_EQ(result.score, 23);
  EXPECT_EQ(result.error_points, 7);
  EXPECT_EQ(result.answered, 30);
}

TEST(Grading, AWrongCriticalAnswerFailsA29Of30Exam) {
  const ExamResult result = grade(fixtures::vn_2025("B"), class_b_exam(), answers_with_wrong({0}));
  EXPECT_EQ(result.score, 29);
  EXPECT_FALSE(result.passed);
  ASSERT_EQ(result.fail_reasons.size(), 1u);
  EXPECT_EQ(result.fail_reasons[0].kind, FailReasonKind::critical_question_wrong);
  EXPECT_EQ(result.fail_reasons[0].questions, std::vector<QuestionId>{1});
  EXPECT_TRUE(result.failed_for(FailReasonKind::critical_question_wrong));
  EXPECT_EQ(to_string(result.fail_reasons[0].kind), "critical_question_wrong");
}

TEST(Grading, AnUnansweredCriticalQuestionFailsToo) {
  auto answers = answers_with_wrong({});
  answers[0].reset();
  const ExamResult result = grade(fixtures::vn_2025("B"), class_b_exam(), answers);
  EXPECT_EQ(result.questions[0].outcome, Outcome::unanswered);
  EXPECT_TRUE(result.failed_for(FailReasonKind::critical_question_wrong));
}

TEST(Grading, CriticalRuleWithoutFailOnWrongOnlyCountsTheScore) {
  Blueprint lenient = fixtures::vn_2025("B");
  lenient.critical.fail_on_wrong = false;
  EXPECT_TRUE(grade(lenient, class_b_exam(), answers_with_wrong({0})).passed);
}

TEST(Grading, ReportsEveryReasonNotJustTheFirst) {
  const ExamResult result = grade(fixtures::vn_2025("B"), class_b_exam(), answers_with_wrong({0, 1, 2, 3}));
  EXPECT_EQ(result.fail_reasons.size(), 2u);
  EXPECT_TRUE(result.failed_for(FailReasonKind::score_below_pass_mark));
  EXPECT_TRUE(result.failed_for(FailReasonKind::critical_question_wrong));
}

TEST(Grading, UnansweredCountsAsWrong) {
  const auto exam = class_b_exam();
  const std::vector<std::optional<Answer>> none;  // nothing answered at all
  const ExamResult result = grade(fixtures::vn_2025("B"), exam, none);
  EXPECT_EQ(result.score, 0);
  EXPECT_EQ(result.answered, 0);
  EXPECT_EQ(result.error_points, 30);
  EXPECT_EQ(result.questions.size(), 30u);
  EXPECT_EQ(result.questions[7].outcome, Outcome::unanswered);
  EXPECT_FALSE(result.passed);
}

TEST(Grading, MultiCorrectIsAllOrNothing) {
  const Question q = choice(1, "de.grund", 4, {0, 2});
  EXPECT_TRUE(is_correct(q, ChoiceAnswer{{0, 2}}));
  EXPECT_TRUE(is_correct(q, ChoiceAnswer{{2, 0}}));  // order does not matter
  EXPECT_FALSE(is_correct(q, ChoiceAnswer{{0}}));    // one of two right is wrong
  EXPECT_FALSE(is_correct(q, ChoiceAnswer{{0, 1, 2}}));
  EXPECT_FALSE(is_correct(q, ChoiceAnswer{{0, 1, 2, 3}}));  // choosing everything is not a trick that works
  EXPECT_FALSE(is_correct(q, ChoiceAnswer{{}}));
  EXPECT_FALSE(is_correct(q, ChoiceAnswer{{0, 2, 7}}));
  EXPECT_FALSE(is_correct(q, NumericAnswer{Decimal::from_integer(0)}));
}

TEST(Grading, NumericWithinTolerance) {
  const Question exact = numeric(1, "de.grund", "50", "0");
  EXPECT_TRUE(is_correct(exact, NumericAnswer{Decimal::from_integer(50)}));
  EXPECT_FALSE(is_correct(exact, NumericAnswer{*Decimal::parse("50.001")}));
  const Question loose = numeric(2, "de.grund", "2.5", "0.1");
  EXPECT_TRUE(is_correct(loose, NumericAnswer{*Decimal::parse("2.4")}));
  EXPECT_TRUE(is_correct(loose, NumericAnswer{*Decimal::parse("2.6")}));
  EXPECT_FALSE(is_correct(loose, NumericAnswer{*Decimal::parse("2.65")}));
  EXPECT_FALSE(is_correct(loose, ChoiceAnswer{{0}}));
}

TEST(Grading, PerTopicBreakdown) {
  const ExamResult result = grade(fixtures::vn_2025("B"), class_b_exam(), answers_with_wrong({1, 2, 20}));
  ASSERT_EQ(result.topics.size(), 2u);
  EXPECT_EQ(result.topics[0], (TopicScore{TopicCode("vn.1"), 13, 15}));
  EXPECT_EQ(result.topics[1], (TopicScore{TopicCode("vn.5"), 14, 15}));
}

TEST(Grading, OutcomesFollowExamOrderWithIdsAndRevisions) {
  auto exam = class_b_exam();
  exam[4].revision = 3;
  const ExamResult result = grade(fixtures::vn_2025("B"), exam, answers_with_wrong({4}));
  EXPECT_EQ(result.questions[4].id, 5);
  EXPECT_EQ(result.questions[4].revision, 3);
  EXPECT_EQ(result.questions[4].outcome, Outcome::incorrect);
  EXPECT_EQ(result.questions[0].critical, true);
  EXPECT_EQ(to_string(Outcome::incorrect), "incorrect");
}

TEST(Grading, MoreAnswersThanQuestionsIsAProgrammingError) {
  const auto exam = class_b_exam();
  EXPECT_THROW(grade(fixtures::vn_2025("B"), exam, answers_with_wrong({}, 31)), std::invalid_argument);
}

}  // namespace
