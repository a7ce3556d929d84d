// The signed-in user's own account: profile reads and updates, password change, sign-ins from new addresses.
#include <gtest/gtest.h>

#include "account/api/test_support/account_harness.hpp"

namespace {

using dt::account::testing::AccountHarness;
using dt::account::testing::Reply;

class MeRoutes : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { harness_ = new AccountHarness(); }
  static void TearDownTestSuite() { delete harness_; }
  static AccountHarness& h() { return *harness_; }
  static inline AccountHarness* harness_ = nullptr;

  // A fresh registered user and a token of theirs.
  static std::pair<std::string, std::string> fresh_user() {
    const auto name = h().fresh_username();
    const auto created = h().register_user(name);
    if (created.status != 201) throw std::runtime_error("register failed: " + created.text);
    return {std::string(created.body.at("user_id").as_string()), h().token(name)};
  }
  static std::int64_t events(const std::string& type, const std::string& user_id) {
    return h().query_int("SELECT count(*) FROM account.outbox WHERE type = '" + type + "' AND subject = '" + user_id +
                         "'");
  }
};

TEST_F(MeRoutes, AnonymousAndForgedCallersAreRefused) {
  EXPECT_EQ(h().call("GET", "/api/account/me").status, 401);
  EXPECT_EQ(h().call("GET", "/api/account/me", "", "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.").status, 401);
  const auto [user_id, token] = fresh_user();
  std::string tampered = token;
  tampered[tampered.size() / 2] = tampered[tampered.size() / 2] == 'A' ? 'B' : 'A';
  EXPECT_EQ(h().call("GET", "/api/account/me", "", tampered).status, 401);
  EXPECT_EQ(h().call("PUT", "/api/account/me", R"({"language":"en"})").status, 401);
}

TEST_F(MeRoutes, AUserMadeAgainInKeycloakTakesOverTheStaleProfilesName) {
  const auto name = h().fresh_username();
  const std::string stale_id = "gone-" + name;
  h().sql("INSERT INTO account.profiles (user_id, username, email, display_name, language, state) VALUES ('" +
          stale_id + "', '" + name + "', '" + name + "@test.drivetest.local', 'Old', 'vi', 'active')");
  h().sql("INSERT INTO account.known_ips (user_id, ip) VALUES ('" + stale_id + "', '10.9.9.9')");
  const auto id = h().create_keycloak_user(name);
  const auto me = h().call("GET", "/api/account/me", "", h().token(name));
  ASSERT_EQ(me.status, 200) << me.text;
  EXPECT_EQ(me.body.at("user_id").as_string(), id);
  EXPECT_EQ(me.body.at("username").as_string(), name);
  EXPECT_EQ(h().query_int("SELECT count(*) FROM account.profiles WHERE user_id = '" + stale_id + "'"), 0);
  EXPECT_EQ(h().query_int("SELECT count(*) FROM account.known_ips WHERE user_id = '" + stale_id + "'"), 0);
}

TEST_F(MeRoutes, ANameHeldByAUserKeycloakStillHasStaysTaken) {
  const auto name = h().fresh_username();
  const auto other = h().fresh_username();
  h().create_keycloak_user(name);
  const auto other_id = h().create_keycloak_user(other);
  h().sql("INSERT INTO account.profiles (user_id, username, email, display_name, language, state) VALUES ('" +
          other_id + "', '" + name + "', '" + other + "@test.drivetest.local', 'Other', 'vi', 'active')");
  const auto me = h().call("GET", "/api/account/me", "", h().token(name));
  EXPECT_EQ(me.status, 409) << me.text;
  EXPECT_EQ(h().query_int("SELECT count(*) FROM account.profiles WHERE user_id = '" + other_id + "'"), 1);
}

TEST_F(MeRoutes, TheProfileIsUpdatedFieldByField) {
  const auto [user_id, token] = fresh_user();
  const auto updated = h().call("PUT", "/api/account/me",
                                R"({"display_name":" Nguyễn Văn An ","language":"en","target_class":"vn/B",)"
                                R"("email_opt_ins":{"exam_results":true}})",
                                token);
  ASSERT_EQ(updated.status, 200) << updated.text;
  EXPECT_EQ(updated.body.at("display_name").as_string(), "Nguyễn Văn An");
  EXPECT_EQ(updated.body.at("language").as_string(), "en");
  EXPECT_EQ(updated.body.at("target_class").as_string(), "vn/B");
  EXPECT_EQ(updated.body.at("email_opt_ins").at("exam_results").as_bool(), true);
  EXPECT_EQ(updated.body.at("email_opt_ins").at("product_news").as_bool(), false);

  const auto partial = h().call("PUT", "/api/account/me", R"({"email_opt_ins":{"product_news":true}})", token);
  ASSERT_EQ(partial.status, 200);
  EXPECT_EQ(partial.body.at("language").as_string(), "en");
  EXPECT_EQ(partial.body.at("email_opt_ins").at("exam_results").as_bool(), true);
  EXPECT_EQ(partial.body.at("email_opt_ins").at("product_news").as_bool(), true);
  EXPECT_EQ(h().call("GET", "/api/account/me", "", token).body.at("display_name").as_string(), "Nguyễn Văn An");
  // Each change is announced with the profile as it now is (the Notification service keeps the opt-ins).
  EXPECT_EQ(events("user.profile_updated", user_id), 2);
  EXPECT_EQ(h().query_text("SELECT data->>'opt_in_exam_results' FROM account.outbox WHERE type = "
                           "'user.profile_updated' AND subject = '" +
                           user_id + "' ORDER BY seq DESC LIMIT 1"),
            "true");
}

TEST_F(MeRoutes, BadProfileChangesNameTheField) {
  const auto [user_id, token] = fresh_user();
  const std::vector<std::pair<std::string, std::string>> cases = {
      {R"({"language":"fr"})", "language"},
      {R"({"language":1})", "language"},
      {R"({"target_class":"B"})", "target_class"},
      {R"({"display_name":""})", "display_name"},
      {R"({"email_opt_ins":{"exam_results":"yes"}})", "email_opt_ins.exam_results"},
      {R"({"email_opt_ins":{"spam":true}})", ""},
      {R"({"nickname":"x"})", ""},
      {R"({"language":)", ""},
  };
  for (const auto& [body, field] : cases) {
    const auto reply = h().call("PUT", "/api/account/me", body, token);
    EXPECT_EQ(reply.status, 400) << body << " -> " << reply.text;
    if (!field.empty()) {
      EXPECT_EQ(reply.body.at("field").as_string(), field) << body << " -> " << reply.text;
    }
  }
  EXPECT_EQ(h().call("GET", "/api/account/me", "", token).body.at("language").as_string(), "vi");
}

TEST_F(MeRoutes, APasswordChangeChecksTheCurrentOne) {
  const auto name = h().fresh_username();
  ASSERT_EQ(h().register_user(name, "First-pass-111").status, 201);
  const auto token = h().token(name, "First-pass-111");
  const std::string user_id(h().call("GET", "/api/account/me", "", token).body.at("user_id").as_string());

  const auto wrong = h().call("PUT", "/api/account/me/password",
                              R"({"current_password":"Not-my-pass-9","new_password":"Second-pass-222"})", token);
  EXPECT_EQ(wrong.status, 400) << wrong.text;
  EXPECT_EQ(wrong.body.at("field").as_string(), "current_password");
  const auto weak = h().call("PUT", "/api/account/me/password",
                             R"({"current_password":"First-pass-111","new_password":"weak"})", token);
  EXPECT_EQ(weak.status, 400);
  EXPECT_EQ(weak.body.at("field").as_string(), "new_password");
  EXPECT_EQ(events("user.password_changed", user_id), 0);

  const auto changed = h().call("PUT", "/api/account/me/password",
                                R"({"current_password":"First-pass-111","new_password":"Second-pass-222"})", token);
  EXPECT_EQ(changed.status, 204) << changed.text;
  const auto old_password = h().password_grant(name, "First-pass-111");
  EXPECT_TRUE(old_password.status == 400 || old_password.status == 401) << old_password.text;  // 26.7: 400, 26.5: 401
  EXPECT_EQ(old_password.body.at("error").as_string(), "invalid_grant");
  EXPECT_EQ(h().password_grant(name, "Second-pass-222").status, 200);
  EXPECT_EQ(events("user.password_changed", user_id), 1);
}

TEST_F(MeRoutes, ASignInFromANewAddressIsRecorded) {
  const auto [user_id, token] = fresh_user();
  ASSERT_EQ(h().call("GET", "/api/account/me", "", token).status, 200);  // first address: nothing to alert
  EXPECT_EQ(events("user.signed_in_new_ip", user_id), 0);
  const std::string proxied = "X-Forwarded-For: 10.9.9.9, 198.51.100.7\r\nUser-Agent: test-browser\r\n";
  ASSERT_EQ(h().call("GET", "/api/account/me", "", token, proxied).status, 200);
  EXPECT_EQ(events("user.signed_in_new_ip", user_id), 1);
  EXPECT_EQ(
      h().query_text("SELECT data->>'ip' FROM account.outbox WHERE type = 'user.signed_in_new_ip' AND subject = '" +
                     user_id + "'"),
      "198.51.100.7");
  ASSERT_EQ(h().call("GET", "/api/account/me", "", token, proxied).status, 200);
  EXPECT_EQ(events("user.signed_in_new_ip", user_id), 1);  // known now
  EXPECT_EQ(h().call("GET", "/api/account/me", "", token, "X-Forwarded-For: not-an-ip\r\n").status, 200);
}

TEST_F(MeRoutes, AUserMadeInKeycloakGetsAProfileOnFirstUse) {
  const auto name = h().fresh_username();
  const auto id = h().create_keycloak_user(name);
  const auto me = h().call("GET", "/api/account/me", "", h().token(name));
  ASSERT_EQ(me.status, 200) << me.text;
  EXPECT_EQ(me.body.at("user_id").as_string(), id);
  EXPECT_EQ(me.body.at("username").as_string(), name);
}

}  // namespace
