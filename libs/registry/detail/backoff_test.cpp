// Backoff: doubling waits, capped, and reset after a success.
#include "registry/detail/backoff.hpp"

#include <gtest/gtest.h>

namespace {

using dt::registry::detail::Backoff;
using std::chrono::milliseconds;

TEST(Backoff, DoublesUpToTheCapAndStartsOverAfterReset) {
  Backoff backoff(milliseconds(500), milliseconds(3000));
  EXPECT_EQ(backoff.next(), milliseconds(500));
  EXPECT_EQ(backoff.next(), milliseconds(1000));
  EXPECT_EQ(backoff.next(), milliseconds(2000));
  EXPECT_EQ(backoff.next(), milliseconds(3000));
  EXPECT_EQ(backoff.next(), milliseconds(3000));
  EXPECT_EQ(backoff.failures(), 5);
  backoff.reset();
  EXPECT_EQ(backoff.failures(), 0);
  EXPECT_EQ(backoff.next(), milliseconds(500));
}

}  // namespace
