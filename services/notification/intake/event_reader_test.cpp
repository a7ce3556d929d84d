#include "notification/intake/event_reader.hpp"

#include <gtest/gtest.h>

namespace dt::notification::intake {
namespace {

using domain::NotificationKind;

events::Event account_event(std::string type, boost::json::object data) {
  return events::make_event(std::move(type), 1, "account", "u-1", std::move(data));
}

boost::json::object ada() {
  return {{"user_id", "u-1"},
          {"username", "ada"},
          {"email", "ada@example.org"},
          {"display_name", "Ada"},
          {"language", "vi"}};
}

boost::json::object exam(bool passed) {
  return {{"user_id", "u-1"},
          {"exam_id", "e-7"},
          {"blueprint", "vn-2025-B"},
          {"licence_class", "B"},
          {"score", 24},
          {"max_score", 30},
          {"passed", passed},
          {"fail_reasons", passed ? boost::json::array{} : boost::json::array{"critical_question_wrong"}},
          {"finish", "expired"},
          {"finished_at", "2026-11-25T10:25:50.123Z"}};
}

std::string error_of(const events::Event& event) {
  try {
    read_event(event, "https://app");
  } catch (const InvalidEventData& e) {
    return e.what();
  }
  return "";
}

TEST(EventReader, AccountEventsNameTheirRecipient) {
  const auto intake = read_event(account_event("user.registered", ada()), "https://app");
  ASSERT_TRUE(intake);
  EXPECT_EQ(intake->kind, NotificationKind::welcome);
  EXPECT_EQ(intake->user_id, "u-1");
  ASSERT_TRUE(intake->recipient);
  EXPECT_EQ(intake->recipient->email, "ada@example.org");
  EXPECT_EQ(intake->recipient->display_name, "Ada");
  EXPECT_EQ(intake->recipient->language, domain::Language::vi);
  EXPECT_FALSE(intake->opt_in_exam_results);
  EXPECT_EQ(intake->values.at("name").as_string(), "Ada");
  EXPECT_EQ(intake->values.at("username").as_string(), "ada");
  EXPECT_EQ(intake->values.at("app_url").as_string(), "https://app");
}

TEST(EventReader, NewIpCarriesTheAddressAndTheOptInIsReadWhenPresent) {
  auto data = ada();
  data["ip"] = "203.0.113.7";
  data["user_agent"] = "Firefox";
  data["opt_in_exam_results"] = true;
  const auto intake = read_event(account_event("user.signed_in_new_ip", data), "https://app");
  ASSERT_TRUE(intake);
  EXPECT_EQ(intake->kind, NotificationKind::new_ip);
  EXPECT_EQ(intake->values.at("ip").as_string(), "203.0.113.7");
  EXPECT_EQ(intake->opt_in_exam_results, true);
  EXPECT_TRUE(intake->recipient->opt_in_exam_results);
}

TEST(EventReader, TheUsernameGreetsWhenThereIsNoDisplayName) {
  auto data = ada();
  data.erase("display_name");
  const auto intake = read_event(account_event("user.password_changed", data), "https://app");
  EXPECT_EQ(intake->recipient->display_name, "ada");
  EXPECT_EQ(intake->kind, NotificationKind::password_changed);
}

TEST(EventReader, ExamResultsNameOnlyTheUser) {
  const auto intake = read_event(events::make_event("exam.completed", 1, "catalog", "u-1", exam(false)), "https://app");
  ASSERT_TRUE(intake);
  EXPECT_EQ(intake->kind, NotificationKind::exam_result);
  EXPECT_EQ(intake->user_id, "u-1");
  EXPECT_FALSE(intake->recipient);
  EXPECT_EQ(intake->values.at("score").as_string(), "24");
  EXPECT_EQ(intake->values.at("passed").as_bool(), false);
  EXPECT_EQ(intake->values.at("expired").as_bool(), true);
  EXPECT_EQ(intake->values.at("reason_critical_question_wrong").as_bool(), true);
  EXPECT_EQ(intake->values.at("finished_at").as_string(), "2026-11-25 10:25 UTC");
  EXPECT_EQ(intake->values.at("review_url").as_string(), "https://app/exams/e-7");
}

TEST(EventReader, OtherTypesAreNotOurs) {
  EXPECT_FALSE(read_event(account_event("user.profile_updated", ada()), "https://app"));
}

TEST(EventReader, DataThatCannotMakeAMailIsRefusedNamingTheField) {
  auto no_email = ada();
  no_email.erase("email");
  EXPECT_EQ(error_of(account_event("user.registered", no_email)), "data.email: missing");
  auto bad_email = ada();
  bad_email["email"] = "ada@example.org\r\nBcc: eve@example.org";
  EXPECT_EQ(error_of(account_event("user.registered", bad_email)), "data.email: not a mailable address");
  auto numeric_name = ada();
  numeric_name["display_name"] = 7;
  EXPECT_EQ(error_of(account_event("user.registered", numeric_name)), "data.display_name: not a string");
  auto no_ip = ada();
  EXPECT_EQ(error_of(account_event("user.signed_in_new_ip", no_ip)), "data.ip: missing");
  auto opt_in = ada();
  opt_in["opt_in_exam_results"] = "yes";
  EXPECT_EQ(error_of(account_event("user.registered", opt_in)), "data.opt_in_exam_results: not a boolean");

  auto no_score = exam(true);
  no_score.erase("score");
  EXPECT_EQ(error_of(events::make_event("exam.completed", 1, "catalog", "u-1", no_score)), "data.score: missing");
  auto reasons = exam(false);
  reasons["fail_reasons"] = "critical";
  EXPECT_EQ(error_of(events::make_event("exam.completed", 1, "catalog", "u-1", reasons)),
            "data.fail_reasons: not an array");
}

TEST(EventReader, AnUnknownDataVersionIsRefused) {
  auto event = account_event("user.registered", ada());
  event.version = 2;
  EXPECT_EQ(error_of(event), "dataversion 2 of user.registered is not known");
}

}  // namespace
}  // namespace dt::notification::intake
