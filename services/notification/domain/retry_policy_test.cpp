#include "notification/domain/retry_policy.hpp"

#include <gtest/gtest.h>

namespace dt::notification::domain {
namespace {

using std::chrono::milliseconds;

const RetryPolicy policy{.max_attempts = 6, .base_delay = milliseconds(1000), .max_delay = milliseconds(10'000)};

TEST(RetryPolicy, DoublesFromTheBaseUpToTheCap) {
  // With random 0 the delay is half of d; with random just under 1, almost d.
  EXPECT_EQ(retry_delay(policy, 1, 0.0), milliseconds(500));
  EXPECT_EQ(retry_delay(policy, 2, 0.0), milliseconds(1000));
  EXPECT_EQ(retry_delay(policy, 3, 0.0), milliseconds(2000));
  EXPECT_EQ(retry_delay(policy, 4, 0.0), milliseconds(4000));
  EXPECT_EQ(retry_delay(policy, 5, 0.0), milliseconds(5000)) << "d capped at 10 s";
  EXPECT_EQ(retry_delay(policy, 1, 0.999), milliseconds(999));
  EXPECT_EQ(retry_delay(policy, 5, 0.999), milliseconds(9995));
}

TEST(RetryPolicy, JitterSpreadsDelaysOverTheUpperHalf) {
  for (int attempt = 1; attempt < policy.max_attempts; ++attempt) {
    const auto low = *retry_delay(policy, attempt, 0.0);
    for (const double random : {0.1, 0.5, 0.9}) {
      const auto delay = *retry_delay(policy, attempt, random);
      EXPECT_GE(delay, low);
      EXPECT_LT(delay, low * 2);
    }
    EXPECT_LT(*retry_delay(policy, attempt, 0.2), *retry_delay(policy, attempt, 0.8));
  }
}

TEST(RetryPolicy, GivesUpAfterMaxAttempts) {
  EXPECT_TRUE(retry_delay(policy, 5, 0.5));
  EXPECT_FALSE(retry_delay(policy, 6, 0.5));
  EXPECT_FALSE(retry_delay(policy, 60, 0.5));
  const RetryPolicy once{.max_attempts = 1};
  EXPECT_FALSE(retry_delay(once, 1, 0.5));
}

TEST(RetryPolicy, HugeAttemptCountsDoNotOverflow) {
  const RetryPolicy patient{.max_attempts = 1000, .base_delay = milliseconds(1000), .max_delay = milliseconds(60'000)};
  EXPECT_EQ(retry_delay(patient, 999, 0.0), milliseconds(30'000));
}

}  // namespace
}  // namespace dt::notification::domain
