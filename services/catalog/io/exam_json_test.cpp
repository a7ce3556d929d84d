#include "catalog/io/exam_json.hpp"

#include <gtest/gtest.h>

#include <boost/json/serialize.hpp>

#include <set>
#include <stdexcept>

#include "catalog/domain/exam_draw.hpp"
#include "catalog/domain/test_bank.hpp"
#include "catalog/io/io_test_support.hpp"

namespace {

using namespace dt::catalog;
using namespace dt::catalog::io;
using namespace std::chrono_literals;

// Every member name anywhere in `value`, and every string.
void walk(const boost::json::value& value, std::set<std::string>& keys, std::set<std::string>& strings) {
  if (const auto* object = value.if_object()) {
    for (const auto& member : *object) {
      keys.insert(std::string(member.key()));
      walk(member.value(), keys, strings);
    }
  } else if (const auto* array = value.if_array()) {
    for (const auto& item : *array) walk(item, keys, strings);
  } else if (const auto* text = value.if_string()) {
    strings.insert(std::string(*text));
  }
}

// Nothing in the exam document gives an answer away.
void expect_no_answer_key(const boost::json::object& doc, std::span<const Question> content) {
  std::set<std::string> keys;
  std::set<std::string> strings;
  walk(doc, keys, strings);
  for (const char* leak : {"correct", "numeric_answer", "tolerance", "explanation", "critical", "outcome"}) {
    EXPECT_FALSE(keys.contains(leak)) << "the exam document has a \"" << leak << "\" member";
  }
  for (const Question& q : content) {
    for (const auto& [language, text] : q.explanation.entries()) {
      EXPECT_FALSE(strings.contains(text)) << "an explanation leaked: " << text;
    }
  }
}

TEST(ExamJson, ShowsTheExamWithoutGivingAnswersAway) {
  iotest::SmallExam exam = iotest::small_exam();
  const boost::json::object doc = exam_to_json(exam.session, exam.content, "vi", iotest::started_at() + 500ms);
  expect_no_answer_key(doc, exam.content);
  EXPECT_EQ(boost::json::serialize(doc).find("2.5"), std::string::npos) << "the numeric answer key leaked";
  EXPECT_EQ(doc.at("status"), "in_progress");
  EXPECT_EQ(doc.at("started_at"), "2025-06-02T09:00:00Z");
  EXPECT_EQ(doc.at("deadline"), "2025-06-02T09:20:00Z");
  EXPECT_EQ(doc.at("remaining_seconds"), 1199);
  EXPECT_EQ(doc.at("question_count"), 3);
  EXPECT_EQ(doc.at("answered_count"), 0);
  EXPECT_EQ(doc.at("navigation").at("revisit"), true);

  const auto& first = doc.at("questions").at(0);
  EXPECT_EQ(first.at("position"), 1);
  EXPECT_EQ(first.at("kind"), "choice");
  EXPECT_EQ(first.at("text"), boost::json::value(*exam.content[0].text.get("vi")));
  EXPECT_EQ(first.at("answer"), nullptr);
  EXPECT_EQ(first.at("flagged"), false);
  const auto& options = first.at("options").as_array();
  ASSERT_EQ(options.size(), 3u);
  // Display order 2, 0, 1; each with its index in the question as id.
  EXPECT_EQ(options[0].at("id"), 2);
  EXPECT_EQ(options[0].at("text"), boost::json::value(*exam.content[0].options[2].text.get("vi")));
  EXPECT_EQ(options[1].at("id"), 0);
  EXPECT_EQ(options[2].at("id"), 1);
  EXPECT_EQ(first.at("media").at(1).at("kind"), "video");

  const auto& numeric = doc.at("questions").at(1);
  EXPECT_EQ(numeric.at("kind"), "numeric");
  EXPECT_FALSE(numeric.as_object().contains("options"));
  EXPECT_EQ(numeric.at("weight"), 3);
}

TEST(ExamJson, ShowsTheCandidatesAnswersAndFlags) {
  iotest::SmallExam exam = iotest::small_exam();
  const TimePoint now = iotest::started_at() + 2min;
  answer(exam.session, 0, ChoiceAnswer{{2}}, now);
  answer(exam.session, 1, NumericAnswer{Decimal::from_millis(2400)}, now);
  flag(exam.session, 2, true, now);
  const boost::json::object doc = exam_to_json(exam.session, exam.content, "en", now);
  expect_no_answer_key(doc, exam.content);
  EXPECT_EQ(doc.at("answered_count"), 2);
  EXPECT_EQ(doc.at("questions").at(0).at("answer").at("selected").at(0), 2);
  EXPECT_EQ(doc.at("questions").at(1).at("answer").at("value").as_double(), 2.4);
  EXPECT_EQ(doc.at("questions").at(2).at("flagged"), true);
  EXPECT_EQ(doc.at("questions").at(0).at("text"), boost::json::value(*exam.content[0].text.get("en")));
  EXPECT_EQ(doc.at("remaining_seconds"), 18 * 60);
}

TEST(ExamJson, AfterTheDeadlineNoTimeRemains) {
  iotest::SmallExam exam = iotest::small_exam();
  const boost::json::object doc = exam_to_json(exam.session, exam.content, "vi", iotest::started_at() + 21min);
  EXPECT_EQ(doc.at("status"), "time_up");
  EXPECT_EQ(doc.at("remaining_seconds"), 0);
}

TEST(ExamJson, AFullVietnameseExamLeaksNothing) {
  const std::vector<Question> bank = fixtures::vn_bank();
  const Blueprint blueprint = fixtures::vn_2025("B");
  std::vector<DrawnQuestion> drawn = draw_exam(blueprint, bank, 11);
  std::vector<Question> content;
  for (const DrawnQuestion& d : drawn) content.push_back(bank[static_cast<std::size_t>(d.id - 1)]);
  ExamSession session = start_exam(blueprint, std::move(drawn), iotest::started_at());
  const boost::json::object doc = exam_to_json(session, content, "vi", iotest::started_at());
  expect_no_answer_key(doc, content);
  EXPECT_EQ(doc.at("questions").as_array().size(), static_cast<std::size_t>(blueprint.question_count));
}

TEST(ExamJson, ContentMustMatchTheSession) {
  iotest::SmallExam exam = iotest::small_exam();
  std::vector<Question> swapped{exam.content[1], exam.content[0], exam.content[2]};
  EXPECT_THROW(exam_to_json(exam.session, swapped, "vi", iotest::started_at()), std::invalid_argument);
  exam.content[0].revision = 3;
  EXPECT_THROW(exam_to_json(exam.session, exam.content, "vi", iotest::started_at()), std::invalid_argument);
  exam.content.pop_back();
  EXPECT_THROW(exam_to_json(exam.session, exam.content, "vi", iotest::started_at()), std::invalid_argument);
}

}  // namespace
