#include "notification/domain/recipient.hpp"

#include <gtest/gtest.h>

namespace dt::notification::domain {
namespace {

Recipient ada(bool opted_in) {
  return Recipient{
      .user_id = "u-1", .email = "ada@example.org", .display_name = "Ada", .opt_in_exam_results = opted_in};
}

TEST(ExamResultRule, OnlyKnownUsersWhoOptedIn) {
  EXPECT_EQ(decide_exam_result("u-1", ada(true)), ExamResultDecision::send);
  EXPECT_EQ(decide_exam_result("u-1", ada(false)), ExamResultDecision::not_opted_in);
  EXPECT_EQ(decide_exam_result("u-1", std::nullopt), ExamResultDecision::unknown_user);
  EXPECT_EQ(decide_exam_result("", ada(true)), ExamResultDecision::anonymous);
}

TEST(ExamResultRule, EveryRefusalIsExplained) {
  EXPECT_EQ(describe(ExamResultDecision::send), "");
  for (const auto decision :
       {ExamResultDecision::anonymous, ExamResultDecision::unknown_user, ExamResultDecision::not_opted_in}) {
    EXPECT_FALSE(describe(decision).empty());
  }
}

TEST(MailableAddress, PlainAddressesPass) {
  for (const char* address : {"ada@example.org", "a.b+tag@mail.example.co.uk", "t123@test.drivetest.local"}) {
    EXPECT_TRUE(is_mailable_address(address)) << address;
  }
}

TEST(MailableAddress, AnythingThatCouldBreakAHeaderOrAddARecipientFails) {
  for (const char* address :
       {"", "ada", "@example.org", "ada@", "ada@example", "ada@example.", "a@b@example.org", "ada @example.org",
        "ada@example.org\r\nBcc: eve@example.org", "<ada@example.org>", "ada@example.org,eve@example.org",
        "\"ada\"@example.org", "ada;eve@example.org", "ada@exa\tmple.org"}) {
    EXPECT_FALSE(is_mailable_address(address)) << address;
  }
  EXPECT_FALSE(is_mailable_address(std::string(250, 'a') + "@example.org"));
}

TEST(DisplayTime, MinutesInUtc) {
  EXPECT_EQ(display_time("2026-11-25T10:25:50.123Z"), "2026-11-25 10:25 UTC");
  EXPECT_EQ(display_time("2026-11-25T10:25:50Z"), "2026-11-25 10:25 UTC");
  EXPECT_EQ(display_time("yesterday"), "yesterday");
  EXPECT_EQ(display_time("2026-11-25T10:25:50+07:00"), "2026-11-25T10:25:50+07:00");
}

}  // namespace
}  // namespace dt::notification::domain
