// POST /api/account/register against the real Keycloak and PostgreSQL: the whole path from registration to a
// token, duplicates, and every kind of bad input answered with the field named.
#include <gtest/gtest.h>

#include "account/api/test_support/account_harness.hpp"

namespace {

using dt::account::testing::AccountHarness;
using dt::account::testing::Reply;

class RegisterRoutes : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { harness_ = new AccountHarness(); }
  static void TearDownTestSuite() { delete harness_; }
  static AccountHarness& h() { return *harness_; }
  static inline AccountHarness* harness_ = nullptr;

  static Reply post(const std::string& body) { return h().call("POST", "/api/account/register", body); }
  static std::string field_of(const Reply& reply) {
    return reply.body.is_object() && reply.body.as_object().contains("field")
               ? std::string(reply.body.at("field").as_string())
               : "";
  }
};

TEST_F(RegisterRoutes, ARegisteredUserSignsInAndSeesTheProfile) {
  const auto name = h().fresh_username();
  const auto created = h().register_user(name, "Strong-pass-42", "en");
  ASSERT_EQ(created.status, 201) << created.text;
  EXPECT_EQ(created.body.at("username").as_string(), name);
  EXPECT_EQ(created.body.at("email").as_string(), name + "@test.drivetest.local");
  EXPECT_EQ(created.body.at("language").as_string(), "en");
  EXPECT_EQ(created.body.at("display_name").as_string(), "Test " + name);
  EXPECT_EQ(created.header("location"), "/api/account/me");
  const std::string user_id(created.body.at("user_id").as_string());
  ASSERT_FALSE(user_id.empty());

  const auto token = h().token(name);
  const auto me = h().call("GET", "/api/account/me", "", token);
  ASSERT_EQ(me.status, 200) << me.text;
  EXPECT_EQ(me.body.at("user_id").as_string(), user_id);
  const auto& roles = me.body.at("roles").as_array();
  EXPECT_NE(std::find(roles.begin(), roles.end(), boost::json::value("learner")), roles.end());
  EXPECT_EQ(std::find(roles.begin(), roles.end(), boost::json::value("admin")), roles.end());

  // The profile and exactly one user.registered event, written together.
  EXPECT_EQ(
      h().query_int("SELECT count(*) FROM account.profiles WHERE user_id = '" + user_id + "' AND state = 'active'"), 1);
  EXPECT_EQ(h().query_int("SELECT count(*) FROM account.outbox WHERE type = 'user.registered' AND subject = '" +
                          user_id + "'"),
            1);
  EXPECT_EQ(h().query_text("SELECT data->>'language' FROM account.outbox WHERE subject = '" + user_id + "'"), "en");
}

TEST_F(RegisterRoutes, UsernamesAndEmailsAreCaseInsensitive) {
  const auto name = h().fresh_username();
  const std::string body = R"({"username":"  )" + std::string("T") + name.substr(1) + R"( ","email":")" + name +
                           R"(@Test.DriveTest.local","password":"Strong-pass-42"})";
  const auto created = post(body);
  ASSERT_EQ(created.status, 201) << created.text;
  EXPECT_EQ(created.body.at("username").as_string(), name);
  EXPECT_EQ(created.body.at("email").as_string(), name + "@test.drivetest.local");
  EXPECT_EQ(created.body.at("language").as_string(), "vi");
  EXPECT_EQ(created.body.at("display_name").as_string(), name);
}

TEST_F(RegisterRoutes, ADuplicateSaysWhichFieldIsTaken) {
  const auto name = h().fresh_username();
  ASSERT_EQ(h().register_user(name).status, 201);
  const auto again = h().register_user(name);
  EXPECT_EQ(again.status, 409) << again.text;
  EXPECT_EQ(field_of(again), "username");

  const auto other = h().fresh_username();
  const auto same_email = post(R"({"username":")" + other + R"(","email":")" + name +
                               R"(@test.drivetest.local","password":"Strong-pass-42"})");
  EXPECT_EQ(same_email.status, 409) << same_email.text;
  EXPECT_EQ(field_of(same_email), "email");
  EXPECT_FALSE(h().keycloak_user(other));
  EXPECT_EQ(h().query_int("SELECT count(*) FROM account.profiles WHERE username = '" + other + "'"), 0);
}

TEST_F(RegisterRoutes, AUserOnlyKeycloakKnowsIsReportedTaken) {
  const auto name = h().fresh_username();
  h().create_keycloak_user(name);  // e-mail <name>@test.drivetest.local
  const auto reply = post(R"({"username":")" + name + R"(","email":"other-)" + name +
                          R"(@test.drivetest.local","password":"Strong-pass-42"})");
  EXPECT_EQ(reply.status, 409) << reply.text;
  EXPECT_EQ(field_of(reply), "username");
  EXPECT_EQ(h().query_int("SELECT count(*) FROM account.profiles WHERE username = '" + name + "'"), 0);
}

TEST_F(RegisterRoutes, BadInputIsRefusedNamingTheField) {
  struct Case {
    std::string body;
    int status;
    std::string field;
  };
  const std::vector<Case> cases = {
      {R"({"email":"a@b.vn","password":"Strong-pass-42"})", 400, "username"},
      {R"({"username":"valid_name","password":"Strong-pass-42"})", 400, "email"},
      {R"({"username":"valid_name","email":"a@b.vn"})", 400, "password"},
      {R"({"username":"valid_name","email":"a@b.vn","password":"short1A"})", 400, "password"},
      {R"({"username":"valid_name","email":"a@b.vn","password":"alllowercase12"})", 400, "password"},
      {R"({"username":"valid_name","email":"a@b.vn","password":"Password123"})", 400, "password"},
      {R"({"username":"valid_name","email":"a@b.vn","password":"Valid_name-123"})", 400, "password"},
      {R"({"username":"valid_name","email":"not-an-email","password":"Strong-pass-42"})", 400, "email"},
      {R"({"username":"x","email":"a@b.vn","password":"Strong-pass-42"})", 400, "username"},
      {R"({"username":"bad name!","email":"a@b.vn","password":"Strong-pass-42"})", 400, "username"},
      {R"({"username":42,"email":"a@b.vn","password":"Strong-pass-42"})", 400, "username"},
      {R"({"username":"valid_name","email":"a@b.vn","password":"Strong-pass-42","language":"fr"})", 400, "language"},
      {R"({"username":"valid_name","email":"a@b.vn","password":"Strong-pass-42","display_name":")" +
           std::string(81, 'x') + R"("})",
       400, "display_name"},
      {R"({"username":"valid_name","email":"a@b.vn","password":"Strong-pass-42","pasword":"x"})", 400, ""},
      {R"({"username":"valid_name",)", 400, ""},
      {R"([1,2,3])", 400, ""},
      {"", 400, ""},
  };
  for (const auto& c : cases) {
    const auto reply = post(c.body);
    EXPECT_EQ(reply.status, c.status) << c.body << " -> " << reply.text;
    EXPECT_EQ(reply.header("content-type"), "application/problem+json") << c.body;
    if (!c.field.empty()) {
      EXPECT_EQ(field_of(reply), c.field) << c.body << " -> " << reply.text;
    }
  }
  EXPECT_EQ(h().query_int("SELECT count(*) FROM account.profiles"),
            h().query_int("SELECT count(*) FROM account.profiles WHERE state = 'active'"));
  EXPECT_FALSE(h().keycloak_user("valid_name"));
}

TEST_F(RegisterRoutes, AllProblemsAreListedAtOnce) {
  const auto reply = post(R"({"username":"x","email":"nope","password":"weak"})");
  ASSERT_EQ(reply.status, 400);
  EXPECT_EQ(field_of(reply), "username");
  const std::string errors(reply.body.at("errors").as_string());
  EXPECT_NE(errors.find("email:"), std::string::npos) << errors;
  EXPECT_NE(errors.find("password:"), std::string::npos) << errors;
}

TEST_F(RegisterRoutes, AHugeBodyIsRefused) {
  const std::string huge =
      R"({"username":"valid_name","email":"a@b.vn","password":")" + std::string(2'000'000, 'A') + R"("})";
  const auto reply = post(huge);
  EXPECT_EQ(reply.status, 413) << reply.text.substr(0, 200);
}

}  // namespace
