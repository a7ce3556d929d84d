#include "catalog/io/result_json.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

#include "catalog/io/io_test_support.hpp"

namespace {

using namespace dt::catalog;
using namespace dt::catalog::io;
using namespace std::chrono_literals;

// The small exam with the critical question 1 wrong and the others right: score 2 of 3 passes the mark but
// the critical question fails the exam.
iotest::SmallExam graded() {
  iotest::SmallExam exam = iotest::small_exam();
  const TimePoint now = iotest::started_at() + 3min;
  answer(exam.session, 0, ChoiceAnswer{{0}}, now);
  answer(exam.session, 1, NumericAnswer{Decimal::from_millis(2450)}, now);
  answer(exam.session, 2, ChoiceAnswer{{2, 0}}, now);
  submit(exam.session, exam.blueprint, exam.content, now + 1min);
  return exam;
}

TEST(ResultJson, GivesTheVerdictWithReasonsInTheCandidatesLanguage) {
  const iotest::SmallExam exam = graded();
  const boost::json::object en = result_to_json(*exam.session.result, exam.content, exam.session, "en");
  EXPECT_EQ(en.at("passed"), false);
  EXPECT_EQ(en.at("score"), 2);
  EXPECT_EQ(en.at("max_score"), 3);
  EXPECT_EQ(en.at("error_points"), 1);
  EXPECT_EQ(en.at("finish"), "submitted");
  EXPECT_EQ(en.at("finished_at"), "2025-06-02T09:04:00Z");
  const auto& reasons = en.at("fail_reasons").as_array();
  ASSERT_EQ(reasons.size(), 1u);
  EXPECT_EQ(reasons[0].at("kind"), "critical_question_wrong");
  EXPECT_EQ(reasons[0].at("message"), "Answered the critical question 1 wrong");
  EXPECT_EQ(reasons[0].at("positions").at(0), 1);
  const boost::json::object vi = result_to_json(*exam.session.result, exam.content, exam.session, "vi");
  EXPECT_EQ(vi.at("fail_reasons").at(0).at("message"), "Trả lời sai câu điểm liệt số 1");
}

TEST(ResultJson, BreaksTheScoreDownByTopic) {
  const iotest::SmallExam exam = graded();
  const boost::json::object doc = result_to_json(*exam.session.result, exam.content, exam.session, "en");
  const auto& topics = doc.at("topics").as_array();
  ASSERT_EQ(topics.size(), 2u);
  EXPECT_EQ(topics[0].at("topic"), "vn.1");
  EXPECT_EQ(topics[0].at("correct"), 0);
  EXPECT_EQ(topics[0].at("total"), 1);
  EXPECT_EQ(topics[1].at("topic"), "vn.2");
  EXPECT_EQ(topics[1].at("correct"), 2);
}

TEST(ResultJson, ReviewsEveryQuestionWithTheRightAnswerAndTheExplanation) {
  const iotest::SmallExam exam = graded();
  const boost::json::object doc = result_to_json(*exam.session.result, exam.content, exam.session, "vi");
  const auto& review = doc.at("review").as_array();
  ASSERT_EQ(review.size(), 3u);

  const auto& first = review[0];
  EXPECT_EQ(first.at("position"), 1);
  EXPECT_EQ(first.at("question_id"), 101);
  EXPECT_EQ(first.at("revision"), 2);
  EXPECT_EQ(first.at("outcome"), "incorrect");
  EXPECT_EQ(first.at("correct"), false);
  EXPECT_EQ(first.at("critical"), true);
  EXPECT_EQ(first.at("explanation"), boost::json::value(*exam.content[0].explanation.get("vi")));
  const auto& options = first.at("options").as_array();  // display order 2, 0, 1; option 1 is right, 0 chosen
  EXPECT_EQ(options[0].at("id"), 2);
  EXPECT_EQ(options[0].at("correct"), false);
  EXPECT_EQ(options[1].at("id"), 0);
  EXPECT_EQ(options[1].at("selected"), true);
  EXPECT_EQ(options[1].at("correct"), false);
  EXPECT_EQ(options[2].at("id"), 1);
  EXPECT_EQ(options[2].at("correct"), true);
  EXPECT_EQ(options[2].at("selected"), false);
  EXPECT_EQ(first.at("answer").at("selected").at(0), 0);

  const auto& numeric = review[1];
  EXPECT_EQ(numeric.at("outcome"), "correct");
  EXPECT_EQ(numeric.at("numeric_answer").at("value").as_double(), 2.5);
  EXPECT_EQ(numeric.at("numeric_answer").at("tolerance").as_double(), 0.1);
  EXPECT_EQ(numeric.at("answer").at("value").as_double(), 2.45);
  EXPECT_EQ(numeric.at("explanation"), nullptr);

  EXPECT_EQ(review[2].at("outcome"), "correct");
}

TEST(ResultJson, UnansweredQuestionsAreReviewedToo) {
  iotest::SmallExam exam = iotest::small_exam();
  expire(exam.session, exam.blueprint, exam.content, iotest::started_at() + 1h);
  const boost::json::object doc = result_to_json(*exam.session.result, exam.content, exam.session, "en");
  EXPECT_EQ(doc.at("finish"), "expired");
  EXPECT_EQ(doc.at("review").at(0).at("outcome"), "unanswered");
  EXPECT_EQ(doc.at("review").at(0).at("answer"), nullptr);
  EXPECT_EQ(doc.at("fail_reasons").as_array().size(), 2u);
  EXPECT_EQ(doc.at("fail_reasons").at(1).at("message"), "Left the critical question 1 unanswered");
}

TEST(ResultJson, ContentMustMatch) {
  iotest::SmallExam exam = graded();
  std::vector<Question> other = exam.content;
  other[2].id = 999;
  EXPECT_THROW(result_to_json(*exam.session.result, other, exam.session, "en"), std::invalid_argument);
  ExamResult short_result = *exam.session.result;
  short_result.questions.pop_back();
  EXPECT_THROW(result_to_json(short_result, exam.content, exam.session, "en"), std::invalid_argument);
}

}  // namespace
