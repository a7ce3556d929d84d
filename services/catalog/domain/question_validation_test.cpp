#include "catalog/domain/question_validation.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "catalog/domain/test_bank.hpp"

namespace {

using namespace dt::catalog;
using fixtures::choice;
using fixtures::numeric;

bool has_problem(const ValidationProblems& problems, const std::string& field) {
  return std::any_of(problems.begin(), problems.end(), [&](const ValidationProblem& p) { return p.field == field; });
}

std::string fields(const ValidationProblems& problems) {
  std::string text;
  for (const auto& p : problems) text += p.field + ": " + p.message + "\n";
  return text;
}

TEST(QuestionValidation, AValidChoiceAndNumericQuestionHaveNoProblems) {
  Question q = choice(1, "vn.1", 4, {1});
  q.media.push_back({"signs/vn/p-102.png", MediaKind::image});
  q.pools = {"vn-a", "vn-b1"};
  q.tags = {"road-sign"};
  q.group = "clip-1";
  EXPECT_TRUE(validate(q).empty()) << fields(validate(q));
  EXPECT_TRUE(validate(numeric(2, "de.grund", "50", "0")).empty());
}

TEST(QuestionValidation, ChoiceNeedsACorrectOption) {
  const ValidationProblems problems = validate(choice(1, "vn.1", 3, {}));
  ASSERT_EQ(problems.size(), 1u) << fields(problems);
  EXPECT_EQ(problems[0].field, "options");
  EXPECT_EQ(problems[0].message, "at least one option must be correct");
}

TEST(QuestionValidation, ChoiceNeedsTwoToSixOptions) {
  EXPECT_TRUE(has_problem(validate(choice(1, "vn.1", 1, {0})), "options"));
  EXPECT_TRUE(has_problem(validate(choice(1, "vn.1", 7, {0})), "options"));
  EXPECT_TRUE(validate(choice(1, "vn.1", 6, {0, 5})).empty());
  EXPECT_TRUE(validate(choice(1, "vn.1", 2, {0, 1})).empty());  // every option correct is allowed
}

TEST(QuestionValidation, ChoiceOptionsNeedText) {
  Question q = choice(1, "vn.1", 3, {0});
  q.options[1].text = LocalizedText();
  q.options[2].text.set("en", "   ");
  const ValidationProblems problems = validate(q);
  EXPECT_TRUE(has_problem(problems, "options[1].text")) << fields(problems);
  EXPECT_TRUE(has_problem(problems, "options[2].text.en")) << fields(problems);
}

TEST(QuestionValidation, NumericNeedsAKeyAndNoOptions) {
  Question q = numeric(1, "de.grund", "50", "0");
  q.numeric_answer.reset();
  q.options.push_back({LocalizedText().set("en", "x"), true});
  const ValidationProblems problems = validate(q);
  EXPECT_TRUE(has_problem(problems, "numeric_answer")) << fields(problems);
  EXPECT_TRUE(has_problem(problems, "options")) << fields(problems);

  Question negative = numeric(2, "de.grund", "50", "0");
  negative.numeric_answer->tolerance = Decimal::from_millis(-1);
  EXPECT_TRUE(has_problem(validate(negative), "numeric_answer.tolerance"));

  Question stray = choice(3, "vn.1", 2, {0});
  stray.numeric_answer = NumericAnswerKey{Decimal::from_integer(1), Decimal()};
  EXPECT_TRUE(has_problem(validate(stray), "numeric_answer"));
}

TEST(QuestionValidation, ReportsEveryProblemWithItsField) {
  Question q = choice(1, "vn.1", 2, {0});
  q.external_id = "has space";
  q.jurisdiction = JurisdictionCode("");
  q.topic = TopicCode("vn 1");
  q.text = LocalizedText();
  q.explanation.set("EN", "bad language code");
  q.weight = 0;
  q.media = {{"", MediaKind::image}, {"../secret", MediaKind::image}, {"https://x/y.png", MediaKind::video}};
  q.pools = {"vn-a", "vn-a"};
  q.tags = {"bad tag"};
  q.group = "";
  const ValidationProblems problems = validate(q);
  for (const char* field : {"external_id", "jurisdiction", "topic", "text", "explanation", "weight", "media[0].key",
                            "media[1].key", "media[2].key", "pools[1]", "tags[0]", "group"}) {
    EXPECT_TRUE(has_problem(problems, field)) << field << "\n" << fields(problems);
  }
}

TEST(QuestionValidation, ExplanationIsOptional) {
  Question q = choice(1, "vn.1", 2, {0});
  q.explanation = LocalizedText();
  EXPECT_TRUE(validate(q).empty());
}

TEST(Question, KindMediaAndStatusNamesRoundTrip) {
  for (auto kind : {QuestionKind::choice, QuestionKind::numeric}) EXPECT_EQ(parse_question_kind(to_string(kind)), kind);
  for (auto kind : {MediaKind::image, MediaKind::video}) EXPECT_EQ(parse_media_kind(to_string(kind)), kind);
  for (auto status : {QuestionStatus::draft, QuestionStatus::published, QuestionStatus::retired}) {
    EXPECT_EQ(parse_question_status(to_string(status)), status);
  }
  EXPECT_FALSE(parse_question_kind("Choice").has_value());
  EXPECT_FALSE(parse_media_kind("audio").has_value());
  EXPECT_FALSE(parse_question_status("").has_value());
}

TEST(Question, GradableMatchesTheStructuralRules) {
  EXPECT_TRUE(choice(1, "vn.1", 2, {0}).gradable());
  EXPECT_FALSE(choice(1, "vn.1", 2, {}).gradable());
  EXPECT_FALSE(choice(1, "vn.1", 7, {0}).gradable());
  EXPECT_TRUE(numeric(1, "de.grund", "1", "0").gradable());
  Question q = numeric(1, "de.grund", "1", "0");
  q.numeric_answer.reset();
  EXPECT_FALSE(q.gradable());
}

}  // namespace
