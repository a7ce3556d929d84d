// The admin API's guard (every route: 401 anonymous, 403 without the admin role, 2xx for an admin) and the topic
// route, over HTTP against the real PostgreSQL and Redis.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "auth/test_support/token_factory.hpp"
#include "catalog/api/test_support/catalog_harness.hpp"

namespace {

using dt::catalog::testing::CatalogHarness;
using dt::catalog::testing::Reply;
namespace json = boost::json;

constexpr const char* kAdmin = "admin-1";
constexpr const char* kLearner = "learner-1";

// Jurisdiction "m": topic m.1, class B, two published questions and blueprint m-B (version 1) drawing both.
const std::string kBank = R"({
  "format": "drivetest-bank/1",
  "jurisdictions": [{"code": "m", "name": {"vi": "Thử nghiệm", "en": "Test"}}],
  "topics": [{"code": "m.1", "jurisdiction": "m", "ordinal": 1, "name": {"vi": "Chủ đề một"}}],
  "licence_classes": [{"code": "B", "jurisdiction": "m", "name": {"vi": "Hạng B"}}],
  "questions": [
    {"external_id": "m-1", "jurisdiction": "m", "topic": "m.1", "kind": "choice", "text": {"vi": "Câu một?"},
     "options": [{"text": {"vi": "Đúng"}, "correct": true}, {"text": {"vi": "Sai"}, "correct": false}],
     "status": "published"},
    {"external_id": "m-2", "jurisdiction": "m", "topic": "m.1", "kind": "choice", "text": {"vi": "Câu hai?"},
     "options": [{"text": {"vi": "Đúng"}, "correct": true}, {"text": {"vi": "Sai"}, "correct": false}],
     "status": "published"}],
  "blueprints": [BLUEPRINT]
})";

std::string blueprint(int version, int pass_mark) {
  return R"({"code": "m-B", "jurisdiction": "m", "licence_class": "B", "version": )" + std::to_string(version) +
         R"(, "valid_from": "2020-01-01", "valid_to": null, "question_count": 2, "time_limit_seconds": 600,
            "pool": null, "quotas": [{"topics": ["m.1"], "count": 2}],
            "critical": {"count": 0, "fail_on_wrong": false},
            "scoring": {"policy": "count_correct", "pass_mark": )" +
         std::to_string(pass_mark) + "}}";
}

std::string bank() {
  std::string text = kBank;
  text.replace(text.find("BLUEPRINT"), 9, blueprint(1, 2));
  return text;
}

std::string question(const std::string& external_id, const std::string& text) {
  return R"({"external_id": ")" + external_id + R"(", "jurisdiction": "m", "topic": "m.2", "kind": "choice",
             "text": {"vi": ")" +
         text + R"("}, "options": [{"text": {"vi": "Có"}, "correct": true},
             {"text": {"vi": "Không"}, "correct": false}]})";
}

class AdminRoutes : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { harness_ = new CatalogHarness(std::vector<std::string>{}); }
  static void TearDownTestSuite() { delete harness_; }
  static CatalogHarness& h() { return *harness_; }
  static inline CatalogHarness* harness_ = nullptr;

  // Anonymous: 401; a learner: 403; an admin: `expected`. Returns the admin's reply.
  static Reply guarded(const std::string& method, const std::string& target, const std::string& body, int expected) {
    const auto anonymous = h().call(method, target, body);
    EXPECT_EQ(anonymous.status, 401) << method << " " << target << ": " << anonymous.text;
    const auto learner = h().call(method, target, body, kLearner);
    EXPECT_EQ(learner.status, 403) << method << " " << target << ": " << learner.text;
    auto admin = h().call(method, target, body, kAdmin, true);
    EXPECT_EQ(admin.status, expected) << method << " " << target << ": " << admin.text;
    return admin;
  }
};

TEST_F(AdminRoutes, EveryRouteNeedsTheAdminRole) {
  guarded("POST", "/api/catalog/admin/import", bank(), 200);
  guarded("POST", "/api/catalog/admin/topics",
          R"({"code": "m.2", "jurisdiction": "m", "ordinal": 2, "name": {"vi": "Chủ đề hai"}})", 201);
  guarded("GET", "/api/catalog/admin/questions?jurisdiction=m", "", 200);
  const auto created = guarded("POST", "/api/catalog/admin/questions", question("m-3", "Câu ba?"), 201);
  ASSERT_EQ(created.status, 201);
  const auto id = std::to_string(created.body.at("id").as_int64());
  const std::string one = "/api/catalog/admin/questions/" + id;
  guarded("GET", one, "", 200);
  guarded("PUT", one, question("m-3", "Câu ba, sửa lại?"), 200);
  guarded("GET", one + "/revisions", "", 200);
  guarded("GET", "/api/catalog/admin/blueprints", "", 200);
  guarded("POST", "/api/catalog/admin/blueprints", blueprint(2, 1), 201);
  guarded("PUT", "/api/catalog/admin/blueprints/m-B/2", blueprint(2, 2), 200);
  guarded("DELETE", "/api/catalog/admin/blueprints/m-B/2", "", 204);
  guarded("DELETE", one, "", 204);
  guarded("GET", "/api/catalog/admin/export?format=json", "", 200);
  guarded("GET", "/api/catalog/admin/export?format=csv&jurisdiction=m", "", 200);
  guarded("GET", "/api/catalog/admin/bank-report?jurisdiction=m", "", 200);
  guarded("POST", "/api/catalog/admin/topics",
          R"({"code": "m.8", "jurisdiction": "m", "ordinal": 8, "name": {"vi": "Chủ đề tám"}})", 201);
  guarded("DELETE", "/api/catalog/admin/topics/m/m.8", "", 204);
}

TEST_F(AdminRoutes, IdentityComesOnlyFromAVerifiedToken) {
  const std::string target = "/api/catalog/admin/blueprints";
  // Identity headers a client makes up are ignored: anonymous.
  EXPECT_EQ(h().call("GET", target, "", std::nullopt, false, "X-DT-User-Id: a\r\nX-DT-Roles: admin\r\n").status, 401);
  // A learner's token with a made-up role header: still a learner.
  EXPECT_EQ(h().call("GET", target, "", kAdmin, false, "X-DT-Roles: admin\r\n").status, 403);
  // An admin token signed by another key under the same kid: refused, with the reason.
  const dt::auth::testing::TokenFactory forger("test-key");
  const auto forged = h().call("GET", target, "", std::nullopt, false,
                               "Authorization: Bearer " + forger.token_for("a", {"learner", "admin"}) + "\r\n");
  EXPECT_EQ(forged.status, 401);
  EXPECT_EQ(forged.header("www-authenticate").rfind("Bearer", 0), 0u);
  EXPECT_EQ(h().call("GET", target, "", std::nullopt, false, "Authorization: Bearer not.a.token\r\n").status, 401);
  EXPECT_EQ(h().call("GET", target, "", std::nullopt, false, "Authorization: Basic YTpi\r\n").status, 401);
}

TEST_F(AdminRoutes, ATopicIsCreatedThenReplaced) {
  ASSERT_EQ(h().call("POST", "/api/catalog/admin/import", bank(), kAdmin, true).status, 200);
  const std::string topic = R"({"code": "m.9", "jurisdiction": "m", "ordinal": 9, "name": {"vi": "Chủ đề chín"}})";
  auto created = h().call("POST", "/api/catalog/admin/topics", topic, kAdmin, true);
  ASSERT_EQ(created.status, 201) << created.text;
  EXPECT_EQ(created.header("location"), "/api/catalog/jurisdictions/m/topics");
  EXPECT_EQ(created.body.at("name").at("vi").as_string(), "Chủ đề chín");
  EXPECT_EQ(h().call("POST", "/api/catalog/admin/topics", topic, kAdmin, true).status, 200) << "same content";

  const std::string renamed = R"({"code": "m.9", "jurisdiction": "m", "ordinal": 10, "name": {"vi": "Chương mười"}})";
  ASSERT_EQ(h().call("POST", "/api/catalog/admin/topics", renamed, kAdmin, true).status, 200);
  const auto topics = h().get("/api/catalog/jurisdictions/m/topics");
  ASSERT_EQ(topics.status, 200);
  const auto& items = topics.body.at("items").as_array();
  const auto it = std::find_if(items.begin(), items.end(), [](const json::value& t) { return t.at("code") == "m.9"; });
  ASSERT_NE(it, items.end());
  EXPECT_EQ(it->at("ordinal").as_int64(), 10);
  EXPECT_EQ(it->at("name").at("vi").as_string(), "Chương mười");
}

TEST_F(AdminRoutes, ATopicInUseIsNotDeleted) {
  ASSERT_EQ(h().call("POST", "/api/catalog/admin/import", bank(), kAdmin, true).status, 200);
  auto used = h().call("DELETE", "/api/catalog/admin/topics/m/m.1", "", kAdmin, true);
  EXPECT_EQ(used.status, 409) << used.text;
  const std::string spare = R"({"code": "m.7", "jurisdiction": "m", "ordinal": 7, "name": {"vi": "Dự phòng"}})";
  ASSERT_EQ(h().call("POST", "/api/catalog/admin/topics", spare, kAdmin, true).status, 201);
  EXPECT_EQ(h().call("DELETE", "/api/catalog/admin/topics/m/m.7", "", kAdmin, true).status, 204);
  EXPECT_EQ(h().call("DELETE", "/api/catalog/admin/topics/m/m.7", "", kAdmin, true).status, 404);
  EXPECT_EQ(h().call("DELETE", "/api/catalog/admin/topics/nowhere/x", "", kAdmin, true).status, 404);
}

TEST_F(AdminRoutes, ABadTopicIs400NamingTheField) {
  const auto post = [](const std::string& body) {
    return h().call("POST", "/api/catalog/admin/topics", body, kAdmin, true);
  };
  const auto unknown = post(R"({"code": "z.1", "jurisdiction": "zz", "ordinal": 1, "name": {"vi": "Chủ đề"}})");
  EXPECT_EQ(unknown.status, 400);
  EXPECT_EQ(unknown.body.at("field").as_string(), "jurisdiction");
  const auto no_ordinal = post(R"({"code": "m.5", "jurisdiction": "m", "name": {"vi": "Chủ đề"}})");
  EXPECT_EQ(no_ordinal.status, 400);
  EXPECT_EQ(no_ordinal.body.at("field").as_string(), "ordinal");
  const auto wrong_type = post(R"({"code": 5, "jurisdiction": "m", "ordinal": 1, "name": {"vi": "Chủ đề"}})");
  EXPECT_EQ(wrong_type.status, 400);
  EXPECT_EQ(wrong_type.body.at("field").as_string(), "code");
  const auto typo = post(R"({"code": "m.5", "jurisdiction": "m", "ordinal": 1, "nmae": {"vi": "Chủ đề"}})");
  EXPECT_EQ(typo.status, 400);
  EXPECT_EQ(typo.body.at("field").as_string(), "nmae");
  EXPECT_EQ(post("{not json").status, 400);
  EXPECT_EQ(post("").status, 400);
}

}  // namespace
