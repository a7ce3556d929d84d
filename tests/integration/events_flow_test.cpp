// The event path end to end, with the real Keycloak, PostgreSQL, Kafka and SMTP catcher: a registration in the
// Account service is recorded in its outbox, relayed to Kafka, consumed by the Notification service and sent
// as exactly one welcome e-mail in the user's language.
#include <gtest/gtest.h>

#include <chrono>

#include "account/api/test_support/account_harness.hpp"
#include "notification/api/test_support/mailpit_client.hpp"
#include "notification/api/test_support/notification_harness.hpp"

namespace {

using namespace std::chrono_literals;
using dt::account::testing::AccountHarness;
using dt::account::testing::HarnessOptions;
using dt::notification::testing::MailpitClient;
using dt::notification::testing::NotificationHarness;

TEST(EventsFlow, ARegistrationSendsExactlyOneWelcomeMailInTheUsersLanguage) {
  NotificationHarness notification;
  HarnessOptions options;
  options.events_topic = notification.account_topic();
  options.reconcile_interval_ms = "3600000";
  AccountHarness account(options);
  const MailpitClient mailpit;

  const auto english = account.fresh_username("en");
  const auto vietnamese = account.fresh_username("vi");
  ASSERT_EQ(account.register_user(english, "Strong-pass-42", "en").status, 201);
  ASSERT_EQ(account.register_user(vietnamese, "Strong-pass-42", "vi").status, 201);

  const auto to_english = "to:\"" + english + "@test.drivetest.local\"";
  const auto to_vietnamese = "to:\"" + vietnamese + "@test.drivetest.local\"";
  const auto en_mails = mailpit.wait_for(to_english, 1, 30s);
  const auto vi_mails = mailpit.wait_for(to_vietnamese, 1, 30s);
  ASSERT_EQ(en_mails.size(), 1u);
  ASSERT_EQ(vi_mails.size(), 1u);
  const auto en = mailpit.message(en_mails[0].id);
  const auto vi = mailpit.message(vi_mails[0].id);
  EXPECT_NE(en.text.find("Test " + english), std::string::npos) << en.text;
  EXPECT_NE(en.subject.find("Welcome"), std::string::npos) << en.subject;
  EXPECT_NE(vi.text.find("Test " + vietnamese), std::string::npos) << vi.text;
  EXPECT_NE(vi.subject, en.subject);
  // Nothing more arrives later (no redelivery turns into a second mail).
  std::this_thread::sleep_for(2s);
  EXPECT_EQ(mailpit.search(to_english).size(), 1u);
  EXPECT_EQ(mailpit.search(to_vietnamese).size(), 1u);
}

}  // namespace
