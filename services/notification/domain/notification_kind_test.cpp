#include "notification/domain/notification_kind.hpp"

#include <gtest/gtest.h>

namespace dt::notification::domain {
namespace {

TEST(NotificationKind, EachEventTypeGivesOneKind) {
  EXPECT_EQ(kind_for_event("user.registered"), NotificationKind::welcome);
  EXPECT_EQ(kind_for_event("user.password_changed"), NotificationKind::password_changed);
  EXPECT_EQ(kind_for_event("user.signed_in_new_ip"), NotificationKind::new_ip);
  EXPECT_EQ(kind_for_event("exam.completed"), NotificationKind::exam_result);
}

TEST(NotificationKind, OtherTypesAreNotOurs) {
  EXPECT_FALSE(kind_for_event("user.profile_updated"));
  EXPECT_FALSE(kind_for_event("exam.started"));
  EXPECT_FALSE(kind_for_event(""));
  EXPECT_FALSE(kind_for_event("USER.REGISTERED"));
}

TEST(NotificationKind, NamesRoundTrip) {
  for (const auto kind : kAllKinds) EXPECT_EQ(parse_kind(kind_name(kind)), kind);
  EXPECT_EQ(kind_name(NotificationKind::exam_result), "exam_result");
  EXPECT_FALSE(parse_kind("Welcome"));
}

}  // namespace
}  // namespace dt::notification::domain
