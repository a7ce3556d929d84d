#include "notification/domain/notification_status.hpp"

#include <gtest/gtest.h>

namespace dt::notification::domain {
namespace {

TEST(NotificationStatus, NamesRoundTrip) {
  for (const char* name : {"queued", "failed", "sent", "dead", "skipped"}) {
    const auto status = parse_status(name);
    ASSERT_TRUE(status) << name;
    EXPECT_EQ(status_name(*status), name);
  }
  EXPECT_FALSE(parse_status("Sent"));
  EXPECT_FALSE(parse_status(""));
}

}  // namespace
}  // namespace dt::notification::domain
