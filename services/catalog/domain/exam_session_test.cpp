#include "catalog/domain/exam_session.hpp"

#include <gtest/gtest.h>

#include <functional>

#include "catalog/domain/exam_draw.hpp"
#include "catalog/domain/test_bank.hpp"

namespace {

using namespace dt::catalog;
using std::chrono::minutes;
using std::chrono::seconds;

// A class-B exam drawn from the synthetic bank, with its content in exam order.
class ExamSessionTest : public ::testing::Test {
 protected:
  ExamSessionTest() {
    for (const DrawnQuestion& d : draw_exam(blueprint_, bank_, 7)) {
      content_.push_back(bank_[static_cast<std::size_t>(d.id - 1)]);
    }
    session_ = start_exam(blueprint_, draw_exam(blueprint_, bank_, 7), t0_);
  }

  ChoiceAnswer right(std::size_t index) const {
    const Question& q = content_[index];
    for (std::size_t o = 0; o < q.options.size(); ++o) {
      if (q.options[o].correct) return ChoiceAnswer{{static_cast<int>(o)}};
    }
    return {};
  }
  ChoiceAnswer wrong(std::size_t index) const { return ChoiceAnswer{{right(index).selected[0] == 0 ? 1 : 0}}; }

  void answer_all_right(TimePoint at) {
    for (std::size_t i = 0; i < content_.size(); ++i) answer(session_, i, right(i), at);
  }

  static SessionErrorCode refusal(const std::function<void()>& action) {
    try {
      action();
    } catch (const SessionError& e) {
      return e.code();
    }
    ADD_FAILURE() << "not refused";
    return SessionErrorCode::invalid_answer;
  }

  Blueprint blueprint_ = fixtures::vn_2025("B");  // 30 questions, 20 minutes
  std::vector<Question> bank_ = fixtures::vn_bank();
  std::vector<Question> content_;
  TimePoint t0_ = TimePoint{} + std::chrono::hours(24 * 20000);
  ExamSession session_;
};

TEST_F(ExamSessionTest, StartsWithADeadlineFromTheTimeLimit) {
  EXPECT_EQ(session_.deadline, t0_ + minutes(20));
  EXPECT_EQ(session_.answers.size(), 30u);
  EXPECT_EQ(session_.flags.size(), 30u);
  EXPECT_EQ(remaining(session_, t0_ + minutes(5)), minutes(15));
  EXPECT_EQ(status(session_, t0_), SessionStatus::in_progress);
}

TEST_F(ExamSessionTest, AnswersAreRecordedWithTheirTime) {
  answer(session_, 2, right(2), t0_ + seconds(30));
  ASSERT_TRUE(session_.answers[2].has_value());
  EXPECT_EQ(session_.answers[2]->answered_at, t0_ + seconds(30));
  EXPECT_EQ(session_.answers[2]->answer, Answer{right(2)});
}

TEST_F(ExamSessionTest, AnswerAfterTheDeadlineIsRefused) {
  EXPECT_EQ(refusal([&] { answer(session_, 0, right(0), session_.deadline); }), SessionErrorCode::deadline_passed);
  EXPECT_EQ(kind_of(SessionErrorCode::deadline_passed), SessionErrorKind::conflict);
  EXPECT_FALSE(session_.answers[0].has_value());
  EXPECT_EQ(remaining(session_, session_.deadline + seconds(1)), std::chrono::milliseconds::zero());
  EXPECT_EQ(status(session_, session_.deadline), SessionStatus::time_up);
}

TEST_F(ExamSessionTest, UnknownQuestionAndMalformedAnswerAreRefused) {
  const SessionErrorCode missing = refusal([&] { answer(session_, 30, right(0), t0_); });
  EXPECT_EQ(missing, SessionErrorCode::no_such_question);
  EXPECT_EQ(kind_of(missing), SessionErrorKind::not_found);
  const SessionErrorCode bad = refusal([&] { answer(session_, 0, ChoiceAnswer{{9}}, t0_); });
  EXPECT_EQ(bad, SessionErrorCode::invalid_answer);
  EXPECT_EQ(kind_of(bad), SessionErrorKind::invalid);
  EXPECT_EQ(refusal([&] { answer(session_, 0, NumericAnswer{}, t0_); }), SessionErrorCode::invalid_answer);
  EXPECT_EQ(refusal([&] { flag(session_, 99, true, t0_); }), SessionErrorCode::no_such_question);
}

TEST_F(ExamSessionTest, SubmitTwiceReturnsTheSameResult) {
  answer_all_right(t0_ + minutes(1));
  const ExamResult first = submit(session_, blueprint_, content_, t0_ + minutes(2));
  EXPECT_TRUE(first.passed);
  EXPECT_EQ(first.score, 30);
  EXPECT_EQ(session_.finish, ExamFinish::submitted);
  EXPECT_EQ(session_.finished_at, t0_ + minutes(2));
  const ExamResult second = submit(session_, blueprint_, content_, t0_ + minutes(30));
  EXPECT_EQ(second, first);
  EXPECT_EQ(session_.finished_at, t0_ + minutes(2));
  EXPECT_EQ(status(session_, t0_ + minutes(30)), SessionStatus::submitted);
}

TEST_F(ExamSessionTest, NothingChangesAfterSubmit) {
  submit(session_, blueprint_, content_, t0_ + minutes(1));
  EXPECT_EQ(refusal([&] { answer(session_, 0, right(0), t0_ + minutes(2)); }), SessionErrorCode::already_finished);
  EXPECT_EQ(refusal([&] { flag(session_, 0, true, t0_ + minutes(2)); }), SessionErrorCode::already_finished);
  EXPECT_EQ(remaining(session_, t0_ + minutes(2)), std::chrono::milliseconds::zero());
  EXPECT_FALSE(expire(session_, blueprint_, content_, t0_ + minutes(60)));
}

TEST_F(ExamSessionTest, LateSubmitWithinGraceGradesOnlyAnswersBeforeTheDeadline) {
  answer_all_right(t0_ + minutes(19));
  // Recorded after the deadline (a store or clock let it in): must not count.
  session_.answers[3] = RecordedAnswer{right(3), session_.deadline + seconds(1)};
  const ExamResult& result = submit(session_, blueprint_, content_, session_.deadline + seconds(4));
  EXPECT_EQ(session_.finish, ExamFinish::submitted);
  EXPECT_EQ(result.questions[3].outcome, Outcome::unanswered);
  EXPECT_EQ(result.score, 29);
}

TEST_F(ExamSessionTest, SubmitAfterTheGraceCountsAsExpired) {
  answer_all_right(t0_ + minutes(10));
  const ExamResult& result = submit(session_, blueprint_, content_, session_.deadline + kSubmitGrace + seconds(1));
  EXPECT_EQ(result.score, 30);
  EXPECT_EQ(session_.finish, ExamFinish::expired);
  EXPECT_EQ(session_.finished_at, session_.deadline);
}

TEST_F(ExamSessionTest, ExpireGradesAnExamNobodySubmitted) {
  for (std::size_t i = 0; i < 26; ++i) answer(session_, i, right(i), t0_ + minutes(3));
  EXPECT_FALSE(expire(session_, blueprint_, content_, session_.deadline));  // still within the grace
  EXPECT_FALSE(session_.finished());
  EXPECT_TRUE(expire(session_, blueprint_, content_, session_.deadline + kSubmitGrace + seconds(1)));
  ASSERT_TRUE(session_.result.has_value());
  EXPECT_EQ(session_.result->score, 26);
  EXPECT_FALSE(session_.result->passed);
  EXPECT_EQ(session_.finish, ExamFinish::expired);
  EXPECT_EQ(status(session_, session_.deadline + minutes(1)), SessionStatus::expired);
  // A submit arriving later gets the same result.
  EXPECT_EQ(submit(session_, blueprint_, content_, session_.deadline + minutes(1)), *session_.result);
  EXPECT_FALSE(expire(session_, blueprint_, content_, session_.deadline + minutes(2)));
}

TEST_F(ExamSessionTest, RevisitAllowedReplacesTheAnswer) {
  answer(session_, 0, wrong(0), t0_ + seconds(10));
  answer(session_, 0, right(0), t0_ + seconds(20));
  EXPECT_EQ(session_.answers[0]->answer, Answer{right(0)});
}

TEST_F(ExamSessionTest, RevisitForbiddenRefusesChangingAnAnswer) {
  blueprint_.navigation.revisit = false;
  session_ = start_exam(blueprint_, session_.questions, t0_);
  answer(session_, 0, wrong(0), t0_ + seconds(10));
  const SessionErrorCode code = refusal([&] { answer(session_, 0, right(0), t0_ + seconds(20)); });
  EXPECT_EQ(code, SessionErrorCode::revisit_not_allowed);
  EXPECT_EQ(kind_of(code), SessionErrorKind::conflict);
  EXPECT_EQ(session_.answers[0]->answer, Answer{wrong(0)});
  answer(session_, 1, right(1), t0_ + seconds(30));  // unanswered questions can still be answered
}

TEST_F(ExamSessionTest, FlagsWhenAllowed) {
  flag(session_, 4, true, t0_ + seconds(5));
  EXPECT_TRUE(session_.flags[4]);
  flag(session_, 4, false, t0_ + seconds(6));
  EXPECT_FALSE(session_.flags[4]);
}

TEST_F(ExamSessionTest, FlagRefusedWhenNotAllowed) {
  blueprint_.navigation.flag = false;
  session_ = start_exam(blueprint_, session_.questions, t0_);
  EXPECT_EQ(refusal([&] { flag(session_, 4, true, t0_); }), SessionErrorCode::flag_not_allowed);
  EXPECT_FALSE(session_.flags[4]);
}

TEST_F(ExamSessionTest, GradingNeedsTheDrawnContent) {
  std::vector<Question> other = content_;
  other[5].revision = 9;
  EXPECT_THROW(submit(session_, blueprint_, other, t0_), std::invalid_argument);
  EXPECT_FALSE(session_.finished());
  other.pop_back();
  EXPECT_THROW(submit(session_, blueprint_, other, t0_), std::invalid_argument);
}

TEST(SessionError, NamesAndKinds) {
  EXPECT_EQ(to_string(SessionErrorCode::revisit_not_allowed), "revisit_not_allowed");
  EXPECT_EQ(kind_of(SessionErrorCode::flag_not_allowed), SessionErrorKind::conflict);
  EXPECT_EQ(kind_of(SessionErrorCode::already_finished), SessionErrorKind::conflict);
  const SessionError error(SessionErrorCode::no_such_question, "x");
  EXPECT_EQ(error.kind(), SessionErrorKind::not_found);
  EXPECT_EQ(to_string(SessionStatus::time_up), "time_up");
  EXPECT_EQ(to_string(ExamFinish::expired), "expired");
}

}  // namespace
