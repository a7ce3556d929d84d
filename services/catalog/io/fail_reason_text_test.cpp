#include "catalog/io/fail_reason_text.hpp"

#include <gtest/gtest.h>

namespace {

using namespace dt::catalog;
using namespace dt::catalog::io;

// Twenty questions with ids 1001.., all correct except the given positions (1-based).
ExamResult result_with(std::vector<std::pair<int, Outcome>> outcomes) {
  ExamResult result;
  for (int i = 0; i < 20; ++i) result.questions.push_back({1001 + i, 1, TopicCode("vn.1"), 1, false, Outcome::correct});
  for (auto [position, outcome] : outcomes) result.questions[static_cast<std::size_t>(position - 1)].outcome = outcome;
  return result;
}

FailReason critical(std::vector<QuestionId> ids) {
  return {FailReasonKind::critical_question_wrong, static_cast<int>(ids.size()), 0, 0, std::move(ids)};
}

TEST(FailReasonText, NamesTheCriticalQuestionByItsPosition) {
  const ExamResult result = result_with({{17, Outcome::incorrect}});
  EXPECT_EQ(fail_reason_message(critical({1017}), result, "en"), "Answered the critical question 17 wrong");
  EXPECT_EQ(fail_reason_message(critical({1017}), result, "vi"), "Trả lời sai câu điểm liệt số 17");
  EXPECT_EQ(fail_reason_message(critical({1017}), result, "vi-VN"), "Trả lời sai câu điểm liệt số 17");
  EXPECT_EQ(fail_reason_message(critical({1017}), result, "de"), "Answered the critical question 17 wrong");
}

TEST(FailReasonText, SaysWhenCriticalQuestionsWereLeftUnanswered) {
  const ExamResult result = result_with({{3, Outcome::unanswered}, {9, Outcome::incorrect}, {17, Outcome::incorrect}});
  EXPECT_EQ(fail_reason_message(critical({1003}), result, "en"), "Left the critical question 3 unanswered");
  EXPECT_EQ(fail_reason_message(critical({1003}), result, "vi"), "Bỏ trống câu điểm liệt số 3");
  EXPECT_EQ(fail_reason_message(critical({1009, 1017}), result, "en"),
            "Answered the critical questions 9 and 17 wrong");
  EXPECT_EQ(fail_reason_message(critical({1003, 1009, 1017}), result, "en"),
            "Answered the critical questions 3, 9 and 17 wrong or left them unanswered");
  EXPECT_EQ(fail_reason_message(critical({1003, 1009, 1017}), result, "vi"),
            "Trả lời sai hoặc bỏ trống các câu điểm liệt số 3, 9 và 17");
}

TEST(FailReasonText, ExplainsScoresAndErrorPoints) {
  const ExamResult result = result_with({});
  const FailReason score{FailReasonKind::score_below_pass_mark, 24, 27, 0, {}};
  EXPECT_EQ(fail_reason_message(score, result, "en"), "24 correct answers; at least 27 are needed to pass");
  EXPECT_EQ(fail_reason_message(score, result, "vi"), "Trả lời đúng 24 câu; cần đúng ít nhất 27 câu để đạt");
  const FailReason one{FailReasonKind::score_below_pass_mark, 1, 2, 0, {}};
  EXPECT_EQ(fail_reason_message(one, result, "en"), "1 correct answer; at least 2 are needed to pass");
  const FailReason points{FailReasonKind::error_points_exceeded, 12, 10, 0, {}};
  EXPECT_EQ(fail_reason_message(points, result, "en"), "12 error points; at most 10 are allowed");
  EXPECT_EQ(fail_reason_message(points, result, "vi"), "Bị 12 điểm lỗi; chỉ được phép tối đa 10 điểm lỗi");
}

TEST(FailReasonText, NamesTheWrongHeaviestQuestions) {
  const ExamResult result = result_with({{4, Outcome::incorrect}, {12, Outcome::unanswered}});
  const FailReason heavy{FailReasonKind::max_weight_wrong, 2, 2, 5, {1004, 1012}};
  EXPECT_EQ(fail_reason_message(heavy, result, "en"),
            "Answered 2 5-point questions wrong (questions 4 and 12); 2 fail the exam");
  EXPECT_EQ(fail_reason_message(heavy, result, "vi"),
            "Trả lời sai 2 câu 5 điểm (câu 4 và 12); sai 2 câu như vậy là không đạt");
}

}  // namespace
