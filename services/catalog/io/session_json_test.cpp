#include "catalog/io/session_json.hpp"

#include <gtest/gtest.h>

#include <boost/json/serialize.hpp>

#include <functional>
#include <stdexcept>

#include "catalog/domain/exam_draw.hpp"
#include "catalog/domain/test_bank.hpp"
#include "catalog/io/io_test_support.hpp"

namespace {

using namespace dt::catalog;
using namespace dt::catalog::io;
using namespace std::chrono_literals;

// Through text, as a JSONB column would.
ExamSession round_trip(const ExamSession& session) {
  return session_from_json(iotest::parse(boost::json::serialize(session_to_json(session))));
}

TEST(SessionJson, RoundTripsANewExam) {
  const iotest::SmallExam exam = iotest::small_exam();
  EXPECT_EQ(round_trip(exam.session), exam.session);
}

TEST(SessionJson, RoundTripsAnswersFlagsAndTimesToTheNanosecond) {
  iotest::SmallExam exam = iotest::small_exam();
  const TimePoint t = iotest::started_at() + 61s + 123456789ns;
  answer(exam.session, 0, ChoiceAnswer{{2, 1}}, t);
  answer(exam.session, 1, NumericAnswer{Decimal::from_millis(-2501)}, t + 1ns);
  flag(exam.session, 2, true, t + 1us);
  const ExamSession back = round_trip(exam.session);
  EXPECT_EQ(back, exam.session);
  EXPECT_EQ(back.answers[1]->answered_at, t + 1ns);
}

TEST(SessionJson, RoundTripsAGradedExam) {
  iotest::SmallExam exam = iotest::small_exam();
  answer(exam.session, 0, ChoiceAnswer{{0}}, iotest::started_at() + 1s);
  submit(exam.session, exam.blueprint, exam.content, iotest::started_at() + 2s + 500ms);
  ASSERT_TRUE(exam.session.result);
  ASSERT_FALSE(exam.session.result->fail_reasons.empty());
  EXPECT_EQ(round_trip(exam.session), exam.session);

  iotest::SmallExam expired = iotest::small_exam();
  expire(expired.session, expired.blueprint, expired.content, iotest::started_at() + 1h);
  EXPECT_EQ(round_trip(expired.session), expired.session);
}

TEST(SessionJson, RoundTripsADrawnVietnameseExam) {
  const std::vector<Question> bank = fixtures::vn_bank();
  const Blueprint blueprint = fixtures::vn_2025("B");
  std::vector<DrawnQuestion> drawn = draw_exam(blueprint, bank, 5);
  std::vector<Question> content;
  for (const DrawnQuestion& d : drawn) content.push_back(bank[static_cast<std::size_t>(d.id - 1)]);
  ExamSession session = start_exam(blueprint, std::move(drawn), iotest::started_at());
  for (std::size_t i = 0; i < content.size(); i += 2)
    answer(session, i, ChoiceAnswer{{0}}, iotest::started_at() + 1min);
  submit(session, blueprint, content, iotest::started_at() + 10min);
  EXPECT_EQ(round_trip(session), session);
}

TEST(SessionJson, AStoredSessionThatDoesNotReadBackIsAServerError) {
  const iotest::SmallExam exam = iotest::small_exam();
  const auto broken = [&](const std::function<void(boost::json::object&)>& edit) {
    boost::json::object doc = session_to_json(exam.session);
    edit(doc);
    try {
      session_from_json(doc);
    } catch (const std::runtime_error& error) {
      return std::string(error.what());
    }
    return std::string("<read back>");
  };
  EXPECT_NE(broken([](auto& d) { d["format"] = "exam-session/0"; }).find("'session.format'"), std::string::npos);
  EXPECT_NE(broken([](auto& d) { d["answers"].as_array().pop_back(); }).find("'session.answers'"), std::string::npos);
  EXPECT_NE(broken([](auto& d) { d["flags"].as_array()[1] = 1; }).find("'session.flags[1]'"), std::string::npos);
  EXPECT_NE(broken([](auto& d) { d["deadline"] = "soon"; }).find("'session.deadline'"), std::string::npos);
  EXPECT_NE(broken([](auto& d) {
              d["questions"].as_array()[0].as_object()["option_order"] = iotest::parse("[0, 0, 1]");
            }).find("'session.questions[0].option_order[1]'"),
            std::string::npos);
  EXPECT_NE(broken([](auto& d) {
              d["answers"].as_array()[0] =
                  iotest::parse(R"({"answer": {"selected": [5]}, "answered_at": "2025-06-02T09:00:00Z"})");
            }).find("'session.answers[0].answer.selected[0]'"),
            std::string::npos);
  EXPECT_NE(broken([](auto& d) { d["finish"] = "submitted"; }).find("'session.result'"), std::string::npos);
  EXPECT_THROW(session_from_json(iotest::parse("[]")), std::runtime_error);
}

}  // namespace
