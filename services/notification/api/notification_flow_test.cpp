// The Notification service end to end against the real Kafka, PostgreSQL and Mailpit: events in, mails out,
// once; retries while SMTP is down; dead letters and their re-drive; the admin API.
#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

#include <set>
#include <thread>

#include "notification/api/test_support/mailpit_client.hpp"
#include "notification/api/test_support/notification_harness.hpp"

namespace dt::notification::testing {
namespace {

using namespace std::chrono_literals;

std::string address(const std::string& name) { return name + "-" + unique_suffix() + "@test.drivetest.local"; }
std::string to(const std::string& address) { return "to:\"" + address + "\""; }

// One harness for the tests that need no special SMTP settings: each uses its own users and addresses.
class NotificationFlow : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { shared_ = new NotificationHarness(); }
  static void TearDownTestSuite() {
    delete shared_;
    shared_ = nullptr;
  }
  NotificationHarness& h() { return *shared_; }
  MailpitClient mailpit;

 private:
  static NotificationHarness* shared_;
};
NotificationHarness* NotificationFlow::shared_ = nullptr;

TEST_F(NotificationFlow, ARegistrationGetsOneWelcomeMailWithTheNameInTheUsersLanguage) {
  const auto lan = address("lan");
  const auto ada = address("ada");
  const auto vi = user_registered("u-" + unique_suffix(), lan, "Trần Thị Lan", "vi");
  const auto en = user_registered("u-" + unique_suffix(), ada, "Ada", "en");
  h().publish(h().account_topic(), vi);
  h().publish(h().account_topic(), en);

  const auto mails = mailpit.wait_for(to(lan), 1, 20s);
  ASSERT_EQ(mails.size(), 1u);
  EXPECT_EQ(mails[0].subject, "Chào mừng Trần Thị Lan đến với DriveTest");
  EXPECT_EQ(mails[0].to_name, "Trần Thị Lan");
  EXPECT_EQ(mails[0].from, "no-reply@drivetest.local");
  EXPECT_EQ(mails[0].message_id, vi.id + "@notification.drivetest");
  const auto full = mailpit.message(mails[0].id);
  EXPECT_NE(full.text.find("Xin chào Trần Thị Lan,"), std::string::npos) << full.text;
  EXPECT_NE(full.html.find("<p>Xin chào Trần Thị Lan,</p>"), std::string::npos) << full.html;
  EXPECT_NE(full.text.find("https://drivetest.test"), std::string::npos);

  const auto english = mailpit.wait_for(to(ada), 1, 20s);
  ASSERT_EQ(english.size(), 1u);
  EXPECT_EQ(english[0].subject, "Welcome to DriveTest, Ada");
  EXPECT_TRUE(h().wait_for_status(en.id, "sent", 10s));
  EXPECT_EQ(h().query_int("SELECT attempts FROM notification.notifications WHERE event_id = '" + en.id + "'"), 1);
}

TEST_F(NotificationFlow, AnEventDeliveredTwiceSendsOneMail) {
  const auto mail = address("twice");
  const auto event = user_registered("u-" + unique_suffix(), mail, "Twice", "en");
  h().publish(h().account_topic(), event);
  ASSERT_TRUE(h().wait_for_status(event.id, "sent", 20s));
  h().publish(h().account_topic(), event);  // redelivered: same id
  const auto later = user_registered("u-" + unique_suffix(), address("after-twice"), "After", "en");
  h().publish(h().account_topic(), later);  // the same partition order is not needed: wait for it to be handled
  ASSERT_TRUE(h().wait_for_status(later.id, "sent", 20s));
  EXPECT_EQ(mailpit.wait_for(to(mail), 2, 1s).size(), 1u);
  EXPECT_EQ(h().query_int("SELECT count(*) FROM notification.notifications WHERE event_id = '" + event.id + "'"), 1);
}

TEST_F(NotificationFlow, AMalformedEventIsDeadLetteredAndLaterEventsAreStillDelivered) {
  const std::string key = "u-" + unique_suffix();
  const std::string garbage = R"({"specversion":"1.0","type":"user.registered","id":"no-time-)" + key + R"("})";
  h().publish_raw(h().account_topic(), key, garbage);
  h().publish_raw(h().account_topic(), key, "not json at all " + key);
  const auto mail = address("after-malformed");
  const auto after = user_registered(key, mail, "After", "en");  // same key: same partition, after the garbage
  h().publish(h().account_topic(), after);

  EXPECT_EQ(mailpit.wait_for(to(mail), 1, 20s).size(), 1u);
  std::vector<boost::json::object> ours;
  for (const auto& text : h().dead_letters(key, 2, 20s)) ours.push_back(boost::json::parse(text).as_object());
  ASSERT_EQ(ours.size(), 2u);
  EXPECT_EQ(ours[0].at("reason").as_string(), "malformed");
  EXPECT_EQ(ours[0].at("payload").as_string(), garbage);
  EXPECT_EQ(ours[0].at("topic").as_string(), h().account_topic());
  EXPECT_FALSE(ours[0].at("error").as_string().empty());
  EXPECT_EQ(ours[1].at("payload").as_string(), "not json at all " + key);
}

TEST_F(NotificationFlow, DataThatCannotMakeAMailIsDeadLetteredAndRecordedAsDead) {
  auto event = user_registered("u-" + unique_suffix(), "not-an-address", "Nobody", "en");
  h().publish(h().account_topic(), event);
  ASSERT_TRUE(h().wait_for_status(event.id, "dead", 20s));
  const auto shown = h().call("GET", "/api/notification/admin/notifications/" + event.id);
  ASSERT_EQ(shown.status, 200) << shown.text;
  EXPECT_EQ(shown.body.at("last_error").as_string(), "data.email: not a mailable address");
  const auto letters = h().dead_letters(event.id, 1, 20s);
  ASSERT_EQ(letters.size(), 1u);
  EXPECT_EQ(boost::json::parse(letters[0]).at("reason").as_string(), "invalid_data");
}

TEST_F(NotificationFlow, ExamResultsGoOnlyToKnownUsersWhoOptedIn) {
  const std::string keen = "u-" + unique_suffix();
  const std::string shy = "u-" + unique_suffix();
  const std::string stranger = "u-" + unique_suffix();
  const auto keen_mail = address("keen");
  h().publish(h().account_topic(), user_registered(keen, keen_mail, "Keen", "en", true));
  h().publish(h().account_topic(), user_registered(shy, address("shy"), "Shy", "vi", false));
  ASSERT_EQ(mailpit.wait_for(to(keen_mail), 1, 20s).size(), 1u) << "the welcome mail first";

  const auto passed = exam_completed(keen, 28, 30, true);
  const auto shy_result = exam_completed(shy, 20, 30, false);
  const auto unknown = exam_completed(stranger, 20, 30, false);
  for (const auto* event : {&passed, &shy_result, &unknown}) h().publish(h().catalog_topic(), *event);

  ASSERT_TRUE(h().wait_for_status(passed.id, "sent", 20s));
  const auto mails = mailpit.wait_for(to(keen_mail) + " subject:\"You passed\"", 1, 10s);
  ASSERT_EQ(mails.size(), 1u);
  EXPECT_EQ(mails[0].subject, "You passed: vn-2025-B mock exam, 28/30");
  EXPECT_TRUE(h().wait_for_status(shy_result.id, "skipped", 10s));
  EXPECT_TRUE(h().wait_for_status(unknown.id, "skipped", 10s));
  const auto shown = h().call("GET", "/api/notification/admin/notifications/" + unknown.id);
  EXPECT_NE(shown.body.at("last_error").as_string().find("no account event"), boost::json::string::npos);
}

TEST_F(NotificationFlow, AProfileUpdateCanTurnTheExamResultOptInOn) {
  const std::string user = "u-" + unique_suffix();
  const auto mail = address("converted");
  const auto registered = user_registered(user, mail, "Converted", "vi", false);
  h().publish(h().account_topic(), registered);
  auto updated = user_registered(user, mail, "Converted", "vi", true);
  updated.type = "user.profile_updated";
  h().publish(h().account_topic(), updated);
  ASSERT_TRUE(h().wait_for_status(registered.id, "sent", 20s));
  EXPECT_EQ(h().status_of(updated.id), "") << "a profile update sends nothing";

  const auto result = exam_completed(user, 18, 30, false);
  h().publish(h().catalog_topic(), result);
  ASSERT_TRUE(h().wait_for_status(result.id, "sent", 20s));
  const auto mails = mailpit.wait_for(to(mail) + " subject:\"Kết quả\"", 1, 10s);
  ASSERT_EQ(mails.size(), 1u);
  EXPECT_EQ(mails[0].subject, "Kết quả của bạn: bài thi thử vn-2025-B, 18/30");
  EXPECT_NE(mailpit.message(mails[0].id).text.find("thấp hơn điểm đạt"), std::string::npos);
}

TEST_F(NotificationFlow, SecurityNoticesForPasswordChangesAndNewAddresses) {
  const std::string user = "u-" + unique_suffix();
  const auto mail = address("security");
  auto changed = user_registered(user, mail, "Sec", "en");
  changed.type = "user.password_changed";
  auto new_ip = user_registered(user, mail, "Sec", "en");
  new_ip.type = "user.signed_in_new_ip";
  new_ip.data["ip"] = "203.0.113.9";
  new_ip.data["user_agent"] = "Firefox/140";
  h().publish(h().account_topic(), changed);
  h().publish(h().account_topic(), new_ip);
  const auto mails = mailpit.wait_for(to(mail), 2, 20s);
  ASSERT_EQ(mails.size(), 2u);
  std::set<std::string> subjects;
  for (const auto& m : mails) subjects.insert(m.subject);
  EXPECT_EQ(subjects,
            (std::set<std::string>{"Your DriveTest password was changed", "New sign-in to your DriveTest account"}));
  for (const auto& m : mails) {
    if (m.subject.find("sign-in") == std::string::npos) continue;
    EXPECT_NE(mailpit.message(m.id).text.find("203.0.113.9"), std::string::npos);
  }
}

TEST_F(NotificationFlow, TheAdminApiListsNotificationsForAdminsOnly) {
  const std::string user = "u-" + unique_suffix();
  const auto event = user_registered(user, address("listed"), "Listed", "en");
  h().publish(h().account_topic(), event);
  ASSERT_TRUE(h().wait_for_status(event.id, "sent", 20s));

  EXPECT_EQ(h().call("GET", "/api/notification/admin/notifications", "", "").status, 401);
  EXPECT_EQ(h().call("GET", "/api/notification/admin/notifications", "", "learner").status, 403);
  const auto list = h().call("GET", "/api/notification/admin/notifications?status=sent&user_id=" + user);
  ASSERT_EQ(list.status, 200) << list.text;
  EXPECT_EQ(list.body.at("total").as_int64(), 1);
  const auto& item = list.body.at("items").at(0).as_object();
  EXPECT_EQ(item.at("event_id").as_string(), event.id);
  EXPECT_EQ(item.at("kind").as_string(), "welcome");
  EXPECT_EQ(item.at("status").as_string(), "sent");
  EXPECT_TRUE(item.at("sent_at").is_string());
  EXPECT_TRUE(item.at("next_attempt_at").is_null());
  EXPECT_EQ(h().call("GET", "/api/notification/admin/notifications?status=lost").status, 400);
  EXPECT_EQ(h().call("GET", "/api/notification/admin/notifications?size=201").status, 400);
  EXPECT_EQ(h().call("GET", "/api/notification/admin/notifications/nope").status, 404);
  EXPECT_EQ(h().call("POST", "/api/notification/admin/dead-letters/nope/redrive").status, 404);
  EXPECT_EQ(h().call("POST", "/api/notification/admin/dead-letters/" + event.id + "/redrive").status, 409);
  EXPECT_EQ(h().call("POST", "/api/notification/admin/dead-letters/" + event.id + "/redrive", "", "learner").status,
            403);
}

TEST(NotificationSmtpOutage, MailsAreRetriedWhileSmtpIsDownAndDeliveredOnceItIsBack) {
  NotificationHarnessOptions down;
  down.smtp_url = closed_smtp_url();
  down.max_attempts = "100";
  NotificationHarness h(down);
  MailpitClient mailpit;
  const auto mail = address("outage");
  const auto event = user_registered("u-" + unique_suffix(), mail, "Patient", "en");
  h.publish(h.account_topic(), event);

  ASSERT_TRUE(h.wait_for_status(event.id, "failed", 20s));
  const auto deadline = std::chrono::steady_clock::now() + 20s;
  while (h.query_int("SELECT attempts FROM notification.notifications WHERE event_id = '" + event.id + "'") < 3 &&
         std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(100ms);
  }
  EXPECT_GE(h.query_int("SELECT attempts FROM notification.notifications WHERE event_id = '" + event.id + "'"), 3);
  EXPECT_NE(h.query_text("SELECT last_error FROM notification.notifications WHERE event_id = '" + event.id + "'")
                .find("SMTP"),
            std::string::npos);

  h.restart({});  // SMTP is back
  ASSERT_TRUE(h.wait_for_status(event.id, "sent", 20s));
  EXPECT_EQ(mailpit.wait_for(to(mail), 2, 1s).size(), 1u);
}

TEST(NotificationSmtpOutage, AfterMaxAttemptsTheEventIsDeadLetteredAndAReDriveDeliversIt) {
  NotificationHarnessOptions down;
  down.smtp_url = closed_smtp_url();
  down.max_attempts = "2";
  NotificationHarness h(down);
  MailpitClient mailpit;
  const auto mail = address("redrive");
  const auto event = user_registered("u-" + unique_suffix(), mail, "Redriven", "vi");
  h.publish(h.account_topic(), event);

  ASSERT_TRUE(h.wait_for_status(event.id, "dead", 20s));
  EXPECT_EQ(h.query_int("SELECT attempts FROM notification.notifications WHERE event_id = '" + event.id + "'"), 2);
  const auto letters = h.dead_letters(event.id, 1, 20s);
  ASSERT_EQ(letters.size(), 1u);
  const auto letter = boost::json::parse(letters[0]).as_object();
  EXPECT_EQ(letter.at("reason").as_string(), "undeliverable");
  EXPECT_EQ(letter.at("event_id").as_string(), event.id);
  EXPECT_EQ(letter.at("attempts").as_int64(), 2);
  EXPECT_EQ(letter.at("topic").as_string(), h.account_topic());
  EXPECT_EQ(events::parse_event(std::string(letter.at("payload").as_string())).id, event.id);

  const auto dead = h.call("GET", "/api/notification/admin/notifications?status=dead");
  ASSERT_EQ(dead.status, 200);
  EXPECT_EQ(dead.body.at("total").as_int64(), 1);

  h.restart({});  // SMTP is back; nothing is retried by itself
  EXPECT_EQ(mailpit.wait_for(to(mail), 1, 1s).size(), 0u);
  const auto redriven = h.call("POST", "/api/notification/admin/dead-letters/" + event.id + "/redrive");
  ASSERT_EQ(redriven.status, 202) << redriven.text;
  EXPECT_EQ(redriven.body.at("status").as_string(), "queued");
  ASSERT_TRUE(h.wait_for_status(event.id, "sent", 20s));
  const auto mails = mailpit.wait_for(to(mail), 1, 10s);
  ASSERT_EQ(mails.size(), 1u);
  EXPECT_EQ(mails[0].subject, "Chào mừng Redriven đến với DriveTest");
  const auto shown = h.call("GET", "/api/notification/admin/notifications/" + event.id);
  EXPECT_EQ(shown.body.at("redrives").as_int64(), 1);
  EXPECT_EQ(shown.body.at("attempts").as_int64(), 1);
}

}  // namespace
}  // namespace dt::notification::testing
