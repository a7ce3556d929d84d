// User management against the real Keycloak: the role matrix, search, enable/disable (a disabled user gets no
// new token), granting and revoking admin, and the guards against locking oneself out.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <thread>

#include "account/api/test_support/account_harness.hpp"
#include "http_client/http_url.hpp"

namespace {

using dt::account::testing::AccountHarness;
using dt::account::testing::Reply;

class AdminRoutes : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { harness_ = new AccountHarness(); }
  static void TearDownTestSuite() { delete harness_; }
  static AccountHarness& h() { return *harness_; }
  static inline AccountHarness* harness_ = nullptr;

  static std::string admin_token() { return h().admin_token(); }
  static bool has_role(const Reply& user, const std::string& role) {
    for (const auto& r : user.body.at("roles").as_array()) {
      if (r.as_string() == role) return true;
    }
    return false;
  }
};

TEST_F(AdminRoutes, OnlyAdminsManageUsers) {
  const auto name = h().fresh_username();
  ASSERT_EQ(h().register_user(name).status, 201);
  const auto learner = h().token(name);
  for (const auto& [method, target] : std::vector<std::pair<std::string, std::string>>{
           {"GET", "/api/account/admin/users"},
           {"GET", "/api/account/admin/users/00000000-0000-0000-0000-000000000000"},
           {"PUT", "/api/account/admin/users/00000000-0000-0000-0000-000000000000/roles/admin"},
           {"POST", "/api/account/admin/users/00000000-0000-0000-0000-000000000000/password-reset"}}) {
    EXPECT_EQ(h().call(method, target).status, 401) << method << " " << target;
    EXPECT_EQ(h().call(method, target, "", learner).status, 403) << method << " " << target;
  }
}

TEST_F(AdminRoutes, SearchFindsAUserWithTheirProfile) {
  const auto name = h().fresh_username("find");
  ASSERT_EQ(h().register_user(name).status, 201);
  const auto found = h().call("GET", "/api/account/admin/users?search=" + name + "&size=5", "", admin_token());
  ASSERT_EQ(found.status, 200) << found.text;
  EXPECT_EQ(found.body.at("total").as_int64(), 1);
  const auto& user = found.body.at("items").as_array().at(0);
  EXPECT_EQ(user.at("username").as_string(), name);
  EXPECT_EQ(user.at("enabled").as_bool(), true);
  EXPECT_EQ(user.at("profile").at("display_name").as_string(), "Test " + name);
  EXPECT_EQ(h().call("GET", "/api/account/admin/users?size=0", "", admin_token()).status, 400);
  EXPECT_EQ(h().call("GET", "/api/account/admin/users?page=x", "", admin_token()).status, 400);
}

TEST_F(AdminRoutes, ADisabledUserCannotSignIn) {
  const auto name = h().fresh_username();
  const auto created = h().register_user(name);
  ASSERT_EQ(created.status, 201);
  const std::string id(created.body.at("user_id").as_string());
  const auto admin = admin_token();
  const auto disabled = h().call("PUT", "/api/account/admin/users/" + id + "/enabled", R"({"enabled":false})", admin);
  ASSERT_EQ(disabled.status, 200) << disabled.text;
  EXPECT_EQ(disabled.body.at("enabled").as_bool(), false);
  const auto refused = h().password_grant(name, "Strong-pass-42");
  EXPECT_EQ(refused.status, 400) << refused.text;
  EXPECT_EQ(refused.body.at("error").as_string(), "invalid_grant");
  ASSERT_EQ(h().call("PUT", "/api/account/admin/users/" + id + "/enabled", R"({"enabled":true})", admin).status, 200);
  EXPECT_EQ(h().password_grant(name, "Strong-pass-42").status, 200);
  EXPECT_EQ(h().call("PUT", "/api/account/admin/users/" + id + "/enabled", R"({"enabled":"no"})", admin).status, 400);
}

TEST_F(AdminRoutes, AdminIsGrantedAndRevoked) {
  const auto name = h().fresh_username();
  const auto created = h().register_user(name);
  const std::string id(created.body.at("user_id").as_string());
  const auto admin = admin_token();
  const auto granted = h().call("PUT", "/api/account/admin/users/" + id + "/roles/admin", "", admin);
  ASSERT_EQ(granted.status, 200) << granted.text;
  EXPECT_TRUE(has_role(granted, "admin"));
  // A new token carries the role, and the Account service honours it.
  EXPECT_EQ(h().call("GET", "/api/account/admin/users?size=1", "", h().token(name)).status, 200);
  const auto revoked = h().call("DELETE", "/api/account/admin/users/" + id + "/roles/admin", "", admin);
  ASSERT_EQ(revoked.status, 200) << revoked.text;
  EXPECT_FALSE(has_role(revoked, "admin"));
  EXPECT_TRUE(has_role(revoked, "learner"));
  EXPECT_EQ(h().call("GET", "/api/account/admin/users?size=1", "", h().token(name)).status, 403);
}

TEST_F(AdminRoutes, AdminsCannotLockThemselvesOut) {
  const auto admin = admin_token();
  const std::string self(h().call("GET", "/api/account/me", "", admin).body.at("user_id").as_string());
  EXPECT_EQ(h().call("PUT", "/api/account/admin/users/" + self + "/enabled", R"({"enabled":false})", admin).status,
            409);
  EXPECT_EQ(h().call("DELETE", "/api/account/admin/users/" + self + "/roles/admin", "", admin).status, 409);
}

TEST_F(AdminRoutes, APasswordResetMailReachesTheUser) {
  const auto name = h().fresh_username();
  const auto created = h().register_user(name);
  ASSERT_EQ(created.status, 201);
  const std::string id(created.body.at("user_id").as_string());
  const auto sent = h().call("POST", "/api/account/admin/users/" + id + "/password-reset", "", admin_token());
  ASSERT_EQ(sent.status, 202) << sent.text;
  EXPECT_EQ(sent.body.at("sent_to").as_string(), name + "@test.drivetest.local");
  // Keycloak sends it through the local mail catcher (Mailpit, DT_MAILPIT_URL).
  const char* mailpit = std::getenv("DT_MAILPIT_URL");
  ASSERT_TRUE(mailpit) << "DT_MAILPIT_URL is not set: start the servers and `. infra/env.sh`";
  const auto url = dt::http::HttpUrl::parse(mailpit);
  std::int64_t found = 0;
  for (int i = 0; i < 50 && found == 0; ++i) {
    const auto search = dt::http::testing::json_call(url.port, "GET", "/api/v1/search?query=to:" + name);
    if (search.status == 200) found = search.body.at("messages_count").as_int64();
    if (found == 0) std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  EXPECT_EQ(found, 1);
}

TEST_F(AdminRoutes, UnknownAndMalformedIdsAre404) {
  const auto admin = admin_token();
  EXPECT_EQ(h().call("GET", "/api/account/admin/users/00000000-0000-0000-0000-000000000000", "", admin).status, 404);
  EXPECT_EQ(h().call("GET", "/api/account/admin/users/..%2F..%2Fclients", "", admin).status, 404);
  EXPECT_EQ(h().call("PUT", "/api/account/admin/users/zzz/enabled", R"({"enabled":true})", admin).status, 404);
}

}  // namespace
