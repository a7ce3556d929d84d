#include "catalog/io/question_json.hpp"

#include <gtest/gtest.h>

#include <boost/json/serialize.hpp>

#include "catalog/domain/test_bank.hpp"
#include "catalog/io/io_test_support.hpp"
#include "errors/problem.hpp"

namespace {

using namespace dt::catalog;
using namespace dt::catalog::io;
using iotest::parse;
using iotest::problem_field;

// A valid question document with one member replaced (or removed when `value` is "<remove>").
boost::json::object with(std::string_view name, std::string_view value) {
  boost::json::object doc = question_to_json(iotest::vietnamese_question("vn-0001"));
  if (value == "<remove>") {
    doc.erase(name);
  } else {
    doc[name] = parse(value);
  }
  return doc;
}

std::string field_of(const boost::json::value& doc) {
  return problem_field([&] { question_from_json(doc, "questions[12]"); });
}

TEST(QuestionJson, RoundTripsThroughText) {
  for (Question q :
       {iotest::vietnamese_question("vn-0001", {0, 2}), iotest::numeric_question("de-1", "2.5", "0.125")}) {
    const std::string text = boost::json::serialize(question_to_json(q));
    EXPECT_EQ(question_from_json(parse(text), ""), q) << text;
    q.id = 42;
    q.revision = 3;
    EXPECT_EQ(question_from_json(parse(boost::json::serialize(question_to_json(q))), ""), q);
  }
}

TEST(QuestionJson, RoundTripsTheSyntheticBanks) {
  for (const auto& bank : {fixtures::vn_bank(), fixtures::uk_bank()}) {
    for (const Question& q : bank) ASSERT_EQ(question_from_json(question_to_json(q), ""), q) << q.external_id;
  }
}

TEST(QuestionJson, WritesTheFormatsMembers) {
  const boost::json::object doc = question_to_json(iotest::vietnamese_question("vn-0001"));
  EXPECT_FALSE(doc.contains("id")) << "no id before the store assigns one";
  EXPECT_FALSE(doc.contains("numeric_answer"));
  EXPECT_EQ(doc.at("kind"), "choice");
  EXPECT_EQ(doc.at("group"), nullptr);
  EXPECT_EQ(doc.at("media").at(1).at("kind"), "video");
  EXPECT_EQ(doc.at("options").at(1).at("correct"), true);
  const boost::json::object numeric = question_to_json(iotest::numeric_question("de-1", "50", "0.5"));
  EXPECT_FALSE(numeric.contains("options"));
  EXPECT_EQ(boost::json::serialize(numeric.at("numeric_answer").at("value")), "50");
}

TEST(QuestionJson, OptionalMembersTakeTheDomainDefaults) {
  const Question q = question_from_json(parse(R"({"external_id": "x-1", "jurisdiction": "vn", "topic": "vn.1",
      "kind": "choice", "text": {"vi": "Câu hỏi?"},
      "options": [{"text": {"vi": "A"}, "correct": true}, {"text": {"vi": "B"}, "correct": false}]})"),
                                        "");
  EXPECT_EQ(q.weight, 1);
  EXPECT_FALSE(q.critical);
  EXPECT_TRUE(q.shuffle_options);
  EXPECT_EQ(q.status, QuestionStatus::draft);
  EXPECT_FALSE(q.group.has_value());
  EXPECT_TRUE(q.explanation.empty());
}

TEST(QuestionJson, EveryStructuralMistakeNamesItsField) {
  EXPECT_EQ(field_of(with("external_id", "<remove>")), "questions[12].external_id");
  EXPECT_EQ(field_of(with("external_id", "7")), "questions[12].external_id");
  EXPECT_EQ(field_of(with("jurisdiction", "null")), "questions[12].jurisdiction");
  EXPECT_EQ(field_of(with("topic", "[]")), "questions[12].topic");
  EXPECT_EQ(field_of(with("kind", R"("multiple")")), "questions[12].kind");
  EXPECT_EQ(field_of(with("text", "<remove>")), "questions[12].text");
  EXPECT_EQ(field_of(with("text", R"({"vi": 1})")), "questions[12].text.vi");
  EXPECT_EQ(field_of(with("options", "{}")), "questions[12].options");
  EXPECT_EQ(field_of(with("options", R"([{"text": {"vi": "a"}, "correct": true}, 5])")), "questions[12].options[1]");
  EXPECT_EQ(field_of(with("options", R"([{"text": {"vi": "a"}, "correct": true}, {"text": {"vi": "b"}}])")),
            "questions[12].options[1].correct");
  EXPECT_EQ(
      field_of(with("options", R"([{"text": {"vi": "a"}, "correct": 1}, {"text": {"vi": "b"}, "correct": true}])")),
      "questions[12].options[0].correct");
  EXPECT_EQ(
      field_of(with("options", R"([{"text": {"vi": "a"}, "correct": true}, {"text": {"vi": 2}, "correct": true}])")),
      "questions[12].options[1].text.vi");
  EXPECT_EQ(field_of(with("options", R"([{"text": {"vi": "a"}, "correct": true, "id": 3}])")),
            "questions[12].options[0].id");
  EXPECT_EQ(field_of(with("media", R"([{"key": "a.png", "kind": "gif"}])")), "questions[12].media[0].kind");
  EXPECT_EQ(field_of(with("media", R"([{"key": "a.png"}])")), "questions[12].media[0].kind");
  EXPECT_EQ(field_of(with("weight", "1.5")), "questions[12].weight");
  EXPECT_EQ(field_of(with("weight", "99999999999")), "questions[12].weight");
  EXPECT_EQ(field_of(with("critical", R"("yes")")), "questions[12].critical");
  EXPECT_EQ(field_of(with("pools", R"(["a", 2])")), "questions[12].pools[1]");
  EXPECT_EQ(field_of(with("tags", R"("road")")), "questions[12].tags");
  EXPECT_EQ(field_of(with("shuffle_options", "0")), "questions[12].shuffle_options");
  EXPECT_EQ(field_of(with("group", "3")), "questions[12].group");
  EXPECT_EQ(field_of(with("status", R"("live")")), "questions[12].status");
  EXPECT_EQ(field_of(with("id", "0")), "questions[12].id");
  EXPECT_EQ(field_of(with("revision", R"("2")")), "questions[12].revision");
  EXPECT_EQ(field_of(with("explaination", R"({"vi": "typo"})")), "questions[12].explaination");
  EXPECT_EQ(field_of(parse("[]")), "questions[12]");
}

TEST(QuestionJson, NumericAnswerIsReadExactly) {
  const auto numeric = [](std::string_view answer) {
    boost::json::object doc = question_to_json(iotest::numeric_question("de-1", "1", "0"));
    doc["numeric_answer"] = parse(answer);
    return doc;
  };
  EXPECT_EQ(question_from_json(numeric(R"({"value": 2.75, "tolerance": 0.05})"), "").numeric_answer,
            (NumericAnswerKey{Decimal::from_millis(2750), Decimal::from_millis(50)}));
  EXPECT_EQ(field_of(numeric(R"({"value": 2.7501, "tolerance": 0})")), "questions[12].numeric_answer.value");
  EXPECT_EQ(field_of(numeric(R"({"value": 2, "tolerance": "0"})")), "questions[12].numeric_answer.tolerance");
  EXPECT_EQ(field_of(numeric(R"({"value": 2})")), "questions[12].numeric_answer.tolerance");
  EXPECT_EQ(field_of(numeric(R"({"value": 2, "tolerance": 0, "unit": "m"})")), "questions[12].numeric_answer.unit");
}

TEST(QuestionJson, DomainProblemsAreReportedWithTheirFullPath) {
  EXPECT_EQ(field_of(with("options",
                          R"([{"text": {"vi": "a"}, "correct": false}, {"text": {"vi": "b"}, "correct": false}])")),
            "questions[12].options");
  EXPECT_EQ(field_of(with("options",
                          R"([{"text": {"vi": "a"}, "correct": true}, {"text": {"vi": "  "}, "correct": false}])")),
            "questions[12].options[1].text.vi");
  EXPECT_EQ(field_of(with("external_id", R"("has space")")), "questions[12].external_id");
  EXPECT_EQ(field_of(with("weight", "0")), "questions[12].weight");
  EXPECT_EQ(field_of(with("media", R"([{"key": "../etc/passwd", "kind": "image"}])")), "questions[12].media[0].key");
  EXPECT_EQ(field_of(with("pools", R"(["a", "a"])")), "questions[12].pools[1]");
  EXPECT_EQ(field_of(with("numeric_answer", R"({"value": 1, "tolerance": 0})")), "questions[12].numeric_answer");
  EXPECT_EQ(field_of(with("text", "{}")), "questions[12].text");
}

TEST(QuestionJson, AllDomainProblemsAreListedInTheDetail) {
  boost::json::object doc = with("weight", "0");
  doc["tags"] = parse(R"(["a b"])");
  try {
    question_from_json(doc, "q");
    FAIL();
  } catch (const dt::Problem& problem) {
    EXPECT_NE(problem.detail().find("'q.tags[0]'"), std::string::npos) << problem.detail();
    EXPECT_NE(problem.detail().find("at least 1"), std::string::npos) << problem.detail();
  }
}

TEST(QuestionJson, ReadQuestionChecksStructureOnly) {
  boost::json::object doc = with("weight", "0");
  EXPECT_EQ(read_question(doc, "").weight, 0);
}

}  // namespace
