// The admin's blueprint routes over HTTP against the real PostgreSQL and Redis, with the Vietnamese demo bank
// (23 blueprint versions).
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <string>
#include <utility>
#include <vector>

#include "catalog/api/test_support/catalog_harness.hpp"

namespace {

using dt::catalog::testing::CatalogHarness;
using dt::catalog::testing::Reply;
namespace json = boost::json;

constexpr const char* kAdmin = "admin-1";
const std::string kBlueprints = "/api/catalog/admin/blueprints";

class AdminBlueprintRoutes : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { harness_ = new CatalogHarness({"vn-bank.json"}); }
  static void TearDownTestSuite() { delete harness_; }
  static CatalogHarness& h() { return *harness_; }
  static inline CatalogHarness* harness_ = nullptr;

  static Reply admin(const std::string& method, const std::string& target, const std::string& body = "") {
    return h().call(method, target, body, kAdmin, true);
  }
  static Reply admin(const std::string& method, const std::string& target, const json::value& body) {
    return admin(method, target, json::serialize(body));
  }
  static std::string field_of(const Reply& r) {
    const auto* o = r.body.if_object();
    return o && o->contains("field") ? std::string(o->at("field").as_string()) : std::string("<none>");
  }
  // The listed version (problems removed: the rest is the blueprint document), or null.
  static json::value listed(const std::string& code, int version) {
    const auto r = admin("GET", kBlueprints + "?jurisdiction=vn");
    EXPECT_EQ(r.status, 200);
    for (const auto& b : r.body.at("items").as_array()) {
      if (b.at("code") == code.c_str() && b.at("version").as_int64() == version) {
        auto doc = b.as_object();
        doc.erase("problems");
        return doc;
      }
    }
    return nullptr;
  }
};

TEST_F(AdminBlueprintRoutes, ListsEveryVersionWithItsProblems) {
  auto all = admin("GET", kBlueprints);
  ASSERT_EQ(all.status, 200) << all.text;
  const auto& items = all.body.at("items").as_array();
  EXPECT_EQ(items.size(), 23u);
  for (const auto& b : items) {
    EXPECT_TRUE(b.at("problems").as_array().empty()) << json::serialize(b);
    EXPECT_TRUE(b.as_object().contains("quotas"));
  }
  EXPECT_EQ(admin("GET", kBlueprints + "?jurisdiction=zz").body.at("items").as_array().size(), 0u);
  auto bad = admin("GET", kBlueprints + "?jurisdiction=a%20b");
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(field_of(bad), "jurisdiction");
}

TEST_F(AdminBlueprintRoutes, CreateReplaceDeleteRoundTrip) {
  auto next = listed("vn-2025-B", 1).as_object();
  next["version"] = 2;
  next["valid_from"] = "2030-01-01";
  auto created = admin("POST", kBlueprints, next);
  ASSERT_EQ(created.status, 201) << created.text;
  EXPECT_EQ(created.header("location"), kBlueprints + "/vn-2025-B/2");
  EXPECT_EQ(listed("vn-2025-B", 2), json::value(next));
  EXPECT_EQ(admin("POST", kBlueprints, next).status, 409) << "(code, version) exists";

  next["scoring"].as_object()["pass_mark"] = 28;
  auto replaced = admin("PUT", kBlueprints + "/vn-2025-B/2", next);
  ASSERT_EQ(replaced.status, 200) << replaced.text;
  EXPECT_EQ(listed("vn-2025-B", 2).at("scoring").at("pass_mark").as_int64(), 28);

  EXPECT_EQ(admin("DELETE", kBlueprints + "/vn-2025-B/2").status, 204);
  EXPECT_TRUE(listed("vn-2025-B", 2).is_null());
  EXPECT_EQ(admin("DELETE", kBlueprints + "/vn-2025-B/2").status, 404);
  EXPECT_EQ(admin("PUT", kBlueprints + "/vn-2025-B/2", next).status, 404);
  auto recreated = admin("POST", kBlueprints, next);
  EXPECT_EQ(recreated.status, 201) << "a deleted version can be created again: " << recreated.text;
  EXPECT_EQ(h().get("/api/catalog/blueprints?jurisdiction=vn&licence_class=B").status, 200);
}

TEST_F(AdminBlueprintRoutes, AVersionExamsUsedIsFrozen) {
  auto exam = h().call("POST", "/api/catalog/exams", R"({"jurisdiction":"vn","licence_class":"A1"})");
  ASSERT_EQ(exam.status, 201) << exam.text;
  auto used = listed("vn-2025-A1", 1).as_object();
  EXPECT_EQ(admin("PUT", kBlueprints + "/vn-2025-A1/1", used).status, 200) << "no change is fine";
  used["time_limit_seconds"] = 1;
  auto changed = admin("PUT", kBlueprints + "/vn-2025-A1/1", used);
  EXPECT_EQ(changed.status, 409) << changed.text;
}

TEST_F(AdminBlueprintRoutes, BadBlueprintsAre400NamingTheField) {
  const auto base = listed("vn-2025-C", 1).as_object();
  struct Case {
    std::string name;
    json::object body;
    std::string field;
  };
  std::vector<Case> cases;
  const auto with = [&](std::string name, std::string field, auto change) {
    auto body = base;
    body["version"] = 7;
    change(body);
    cases.push_back({std::move(name), std::move(body), std::move(field)});
  };
  with("wrong type", "version", [](json::object& b) { b["version"] = "7"; });
  with("sums", "question_count", [](json::object& b) { b["question_count"] = 41; });
  with("unknown member", "passmark", [](json::object& b) { b["passmark"] = 1; });
  with("missing", "quotas", [](json::object& b) { b.erase("quotas"); });
  with("unknown class", "licence_class", [](json::object& b) { b["licence_class"] = "Z9"; });
  with("unknown topic", "quotas[0].topics[0]",
       [](json::object& b) { b["quotas"].as_array()[0].as_object()["topics"] = json::array{"vn.99"}; });
  with("another code in force", "valid_from", [](json::object& b) { b["code"] = "vn-2026-C"; });
  with("bad date", "valid_from", [](json::object& b) { b["valid_from"] = "2025-02-30"; });
  for (const auto& c : cases) {
    auto r = admin("POST", kBlueprints, c.body);
    EXPECT_EQ(r.status, 400) << c.name << ": " << r.text;
    EXPECT_EQ(field_of(r), c.field) << c.name << ": " << r.text;
  }
  EXPECT_TRUE(listed("vn-2025-C", 7).is_null()) << "nothing was stored";
  EXPECT_EQ(admin("POST", kBlueprints, std::string("{")).status, 400);

  auto mismatch = admin("PUT", kBlueprints + "/vn-2025-B/1", base);
  EXPECT_EQ(mismatch.status, 400);
  EXPECT_EQ(field_of(mismatch), "code");
  auto version = admin("PUT", kBlueprints + "/vn-2025-C/2", base);
  EXPECT_EQ(version.status, 400);
  EXPECT_EQ(field_of(version), "version");
}

TEST_F(AdminBlueprintRoutes, UnknownVersionsAre404) {
  const auto body = listed("vn-2025-D", 1);
  for (const std::string target : {"/vn-2025-D/99", "/vn-2025-D/x", "/vn-2025-D/0", "/nope/1"}) {
    EXPECT_EQ(admin("DELETE", kBlueprints + target).status, 404) << target;
  }
  EXPECT_EQ(admin("PUT", kBlueprints + "/vn-2025-D/x", body).status, 404);
  auto other = body.as_object();
  other["version"] = 99;
  EXPECT_EQ(admin("PUT", kBlueprints + "/vn-2025-D/99", other).status, 404);
}

}  // namespace
