// GET /api/catalog/admin/media-references/{key} over HTTP against the real PostgreSQL and Redis: only the
// current revisions of published, non-deleted questions count; admins only.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <string>

#include "catalog/api/test_support/catalog_harness.hpp"

namespace {

using dt::catalog::testing::CatalogHarness;
using dt::catalog::testing::Reply;
namespace json = boost::json;

constexpr const char* kAdmin = "admin-1";
const std::string kQuestions = "/api/catalog/admin/questions";
const std::string kReferences = "/api/catalog/admin/media-references/";
// A content-addressed key as the File service makes them, and one with a '/' (sent as %2F).
const std::string kImage = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
const std::string kPathKey = "signs/vn/stop.png";

json::object question(const std::string& external_id, const std::string& status, const std::string& media_key) {
  return {{"external_id", external_id},
          {"jurisdiction", "vn"},
          {"topic", "vn.1"},
          {"kind", "choice"},
          {"status", status},
          {"text", {{"vi", "Biển này là gì? " + external_id}}},
          {"options", json::array{json::object{{"text", {{"vi", "Dừng lại"}}}, {"correct", true}},
                                  json::object{{"text", {{"vi", "Đi tiếp"}}}, {"correct", false}}}},
          {"media", json::array{json::object{{"key", media_key}, {"kind", "image"}}}}};
}

class AdminMediaRoutes : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { harness_ = new CatalogHarness({"vn-bank.json"}); }
  static void TearDownTestSuite() { delete harness_; }
  static CatalogHarness& h() { return *harness_; }
  static inline CatalogHarness* harness_ = nullptr;

  static Reply admin(const std::string& method, const std::string& target, const std::string& body = "") {
    return h().call(method, target, body, kAdmin, true);
  }
  static std::int64_t create(const json::object& q) {
    const auto r = admin("POST", kQuestions, json::serialize(q));
    EXPECT_EQ(r.status, 201) << r.text;
    return r.status == 201 ? r.body.at("id").as_int64() : 0;
  }
  static std::vector<std::int64_t> references(const std::string& encoded_key) {
    const auto r = admin("GET", kReferences + encoded_key);
    EXPECT_EQ(r.status, 200) << r.text;
    std::vector<std::int64_t> ids;
    if (r.status != 200) return ids;
    for (const auto& id : r.body.at("questions").as_array()) ids.push_back(id.as_int64());
    return ids;
  }
};

TEST_F(AdminMediaRoutes, NamesThePublishedQuestionsShowingTheKey) {
  EXPECT_TRUE(references(kImage).empty());
  const auto draft = create(question("media-1", "draft", kImage));
  EXPECT_TRUE(references(kImage).empty()) << "a draft does not count";
  const auto published = create(question("media-2", "published", kImage));
  const auto other = create(question("media-3", "published", kPathKey));
  EXPECT_EQ(references(kImage), std::vector<std::int64_t>{published});
  EXPECT_EQ(references("signs%2Fvn%2Fstop.png"), std::vector<std::int64_t>{other});
  const auto r = admin("GET", kReferences + kImage);
  EXPECT_EQ(r.body.at("key").as_string(), kImage);

  auto changed = question("media-2", "published", kPathKey);
  ASSERT_EQ(admin("PUT", kQuestions + "/" + std::to_string(published), json::serialize(changed)).status, 200);
  EXPECT_TRUE(references(kImage).empty()) << "only the current revision counts";
  ASSERT_EQ(admin("DELETE", kQuestions + "/" + std::to_string(other)).status, 204);
  EXPECT_EQ(references("signs%2Fvn%2Fstop.png"), std::vector<std::int64_t>{published}) << "deleted ones do not";
  EXPECT_NE(draft, 0);
}

TEST_F(AdminMediaRoutes, IsForAdminsOnly) {
  EXPECT_EQ(h().call("GET", kReferences + kImage).status, 401);
  EXPECT_EQ(h().call("GET", kReferences + kImage, "", std::string("learner-1")).status, 403);
}

}  // namespace
