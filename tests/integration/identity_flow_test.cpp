// The identity path across services, with the real Keycloak: a user registers through the Account service,
// signs in at Keycloak (password grant: tests only; the web app uses code + PKCE), and the Catalog accepts the
// token, knows the user by the token's subject, and enforces the admin role; a disabled user gets no new token.
#include <gtest/gtest.h>

#include "account/api/test_support/account_harness.hpp"
#include "catalog/api/test_support/catalog_harness.hpp"

namespace {

using dt::account::testing::AccountHarness;
using dt::catalog::testing::CatalogHarness;
using dt::catalog::testing::Identity;

class IdentityFlow : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    account_ = new AccountHarness();
    catalog_ = new CatalogHarness({"vn-bank.json"}, Identity::keycloak);
  }
  static void TearDownTestSuite() {
    delete catalog_;
    delete account_;
  }
  static AccountHarness& account() { return *account_; }
  static CatalogHarness& catalog() { return *catalog_; }
  static dt::http::testing::JsonReply call(const std::string& method, const std::string& target,
                                           const std::string& token, const std::string& body = "") {
    return dt::http::testing::json_call(catalog().port(), method, target, body,
                                        token.empty() ? "" : "Authorization: Bearer " + token + "\r\n");
  }
  static inline AccountHarness* account_ = nullptr;
  static inline CatalogHarness* catalog_ = nullptr;
};

TEST_F(IdentityFlow, ARegisteredLearnersExamsAreTheirs) {
  const auto name = account().fresh_username();
  const auto created = account().register_user(name);
  ASSERT_EQ(created.status, 201) << created.text;
  const std::string user_id(created.body.at("user_id").as_string());
  const auto token = account().token(name);

  const auto exam = call("POST", "/api/catalog/exams", token, R"({"jurisdiction":"vn","licence_class":"B"})");
  ASSERT_EQ(exam.status, 201) << exam.text;
  const auto history = call("GET", "/api/catalog/me/history", token);
  ASSERT_EQ(history.status, 200) << history.text;
  EXPECT_EQ(history.body.at("total").as_int64(), 1);
  // Another user does not see it; nobody anonymous has a history.
  EXPECT_EQ(call("GET", "/api/catalog/me/history", account().admin_token()).body.at("total").as_int64(), 0);
  EXPECT_EQ(call("GET", "/api/catalog/me/history", "").status, 401);
}

TEST_F(IdentityFlow, TheCatalogsAdminRoutesFollowTheRealmRole) {
  const auto name = account().fresh_username();
  ASSERT_EQ(account().register_user(name).status, 201);
  EXPECT_EQ(call("GET", "/api/catalog/admin/blueprints", "").status, 401);
  EXPECT_EQ(call("GET", "/api/catalog/admin/blueprints", account().token(name)).status, 403);
  EXPECT_EQ(call("GET", "/api/catalog/admin/blueprints", account().admin_token()).status, 200);
}

TEST_F(IdentityFlow, ATokenOfAnotherRealmOrTamperedIsRefused) {
  const auto name = account().fresh_username();
  ASSERT_EQ(account().register_user(name).status, 201);
  auto token = account().token(name);
  const auto dot = token.find('.');
  std::string tampered = token;
  tampered[dot + 5] = tampered[dot + 5] == 'a' ? 'b' : 'a';
  EXPECT_EQ(call("GET", "/api/catalog/me/history", tampered).status, 401);
  // A token the harness mints with its own key: valid shape, unknown signer.
  EXPECT_EQ(call("GET", "/api/catalog/me/history", catalog().token_for("someone", true)).status, 401);
}

TEST_F(IdentityFlow, ADisabledUserGetsNoNewToken) {
  const auto name = account().fresh_username();
  const auto created = account().register_user(name);
  ASSERT_EQ(created.status, 201);
  const std::string id(created.body.at("user_id").as_string());
  const auto admin = account().admin_token();
  ASSERT_EQ(account().call("PUT", "/api/account/admin/users/" + id + "/enabled", R"({"enabled":false})", admin).status,
            200);
  const auto refused = account().password_grant(name, "Strong-pass-42");
  EXPECT_NE(refused.status, 200);
  EXPECT_EQ(refused.body.at("error").as_string(), "invalid_grant");
}

}  // namespace
