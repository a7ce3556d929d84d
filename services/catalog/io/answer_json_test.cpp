#include "catalog/io/answer_json.hpp"

#include <gtest/gtest.h>

#include "catalog/io/io_test_support.hpp"

namespace {

using namespace dt::catalog;
using namespace dt::catalog::io;
using iotest::parse;
using iotest::problem_field;

const Question kChoice = iotest::vietnamese_question("vn-1", {0, 2});
const Question kNumeric = iotest::numeric_question("vn-2", "2.5", "0.1");

TEST(AnswerJson, ReadsChoicesAndNumbers) {
  EXPECT_EQ(answer_from_json(parse(R"({"selected": [2, 0]})"), kChoice, "body"), Answer(ChoiceAnswer{{2, 0}}));
  EXPECT_EQ(answer_from_json(parse(R"({"value": 2.45})"), kNumeric, "body"),
            Answer(NumericAnswer{Decimal::from_millis(2450)}));
  EXPECT_EQ(answer_from_json(parse(R"({"value": -3})"), kNumeric, "body"),
            Answer(NumericAnswer{Decimal::from_integer(-3)}));
}

TEST(AnswerJson, RoundTrips) {
  for (const Answer& a : {Answer(ChoiceAnswer{{1}}), Answer(ChoiceAnswer{{2, 0, 1}})}) {
    EXPECT_EQ(answer_from_json(answer_to_json(a), kChoice, ""), a);
  }
  for (const Answer& a :
       {Answer(NumericAnswer{Decimal::from_millis(2501)}), Answer(NumericAnswer{Decimal::from_integer(7)})}) {
    EXPECT_EQ(answer_from_json(answer_to_json(a), kNumeric, ""), a);
  }
}

TEST(AnswerJson, MistakesNameTheirField) {
  const auto choice = [](std::string_view json) {
    return problem_field([&] { answer_from_json(parse(json), kChoice, "answers[3]"); });
  };
  EXPECT_EQ(choice(R"({"selected": [0, 3]})"), "answers[3].selected[1]");
  EXPECT_EQ(choice(R"({"selected": [-1]})"), "answers[3].selected[0]");
  EXPECT_EQ(choice(R"({"selected": [1, 1]})"), "answers[3].selected[1]");
  EXPECT_EQ(choice(R"({"selected": ["1"]})"), "answers[3].selected[0]");
  EXPECT_EQ(choice(R"({"selected": [1.5]})"), "answers[3].selected[0]");
  EXPECT_EQ(choice(R"({"selected": []})"), "answers[3].selected");
  EXPECT_EQ(choice(R"({"selected": 1})"), "answers[3].selected");
  EXPECT_EQ(choice(R"({})"), "answers[3].selected");
  EXPECT_EQ(choice(R"({"value": 1})"), "answers[3].value");
  EXPECT_EQ(choice(R"({"selected": [1], "flag": true})"), "answers[3].flag");
  EXPECT_EQ(choice(R"([1])"), "answers[3]");

  const auto numeric = [](std::string_view json) {
    return problem_field([&] { answer_from_json(parse(json), kNumeric, "body"); });
  };
  EXPECT_EQ(numeric(R"({"value": "2.5"})"), "body.value");
  EXPECT_EQ(numeric(R"({"value": 2.5001})"), "body.value");
  EXPECT_EQ(numeric(R"({"value": null})"), "body.value");
  EXPECT_EQ(numeric(R"({"selected": [0]})"), "body.selected");
  EXPECT_EQ(numeric(R"({"value": 1, "unit": "m"})"), "body.unit");
}

TEST(AnswerJson, DrawnQuestionsAreCheckedTheSameWay) {
  const DrawnQuestion drawn{7, 1, QuestionKind::choice, false, {3, 1, 0, 2}};
  EXPECT_EQ(answer_from_json(parse(R"({"selected": [3]})"), drawn, ""), Answer(ChoiceAnswer{{3}}));
  EXPECT_EQ(problem_field([&] { answer_from_json(parse(R"({"selected": [4]})"), drawn, "a"); }), "a.selected[0]");
}

}  // namespace
