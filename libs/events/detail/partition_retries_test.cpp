// The Consumer's retry bookkeeping: backoff doubling up to a cap, resuming once, forgetting on success.
#include "events/detail/partition_retries.hpp"

#include <gtest/gtest.h>

namespace {

using namespace std::chrono_literals;
using dt::events::detail::PartitionId;
using dt::events::detail::PartitionRetries;

TEST(PartitionRetries, DoublesTheBackoffUpToTheCap) {
  PartitionRetries retries(100ms, 350ms);
  const PartitionId p{"t", 0};
  const auto now = PartitionRetries::Clock::now();
  EXPECT_EQ(retries.failed(p, now), 100ms);
  EXPECT_EQ(retries.failed(p, now), 200ms);
  EXPECT_EQ(retries.failed(p, now), 350ms);
  EXPECT_EQ(retries.failed(p, now), 350ms);
  EXPECT_EQ(retries.failures(p), 4);
}

TEST(PartitionRetries, ResumesAPartitionOnceItsBackoffPassed) {
  PartitionRetries retries(100ms, 1s);
  const PartitionId a{"t", 0};
  const PartitionId b{"t", 1};
  const auto now = PartitionRetries::Clock::now();
  retries.failed(a, now);
  retries.failed(b, now + 50ms);
  EXPECT_TRUE(retries.due(now + 99ms).empty());
  EXPECT_EQ(retries.due(now + 100ms), std::vector<PartitionId>{a});
  EXPECT_TRUE(retries.due(now + 120ms).empty());  // a was resumed already
  EXPECT_EQ(retries.due(now + 200ms), std::vector<PartitionId>{b});
}

TEST(PartitionRetries, ForgettingStartsTheBackoffAfresh) {
  PartitionRetries retries(100ms, 1s);
  const PartitionId p{"t", 2};
  const auto now = PartitionRetries::Clock::now();
  retries.failed(p, now);
  retries.failed(p, now);
  retries.forget(p);
  EXPECT_EQ(retries.failures(p), 0);
  EXPECT_TRUE(retries.due(now + 1s).empty());
  EXPECT_EQ(retries.failed(p, now), 100ms);
}

}  // namespace
