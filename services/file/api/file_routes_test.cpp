// GET /api/files, GET and DELETE /api/files/{sha256} over HTTP against the real PostgreSQL and object store,
// with a stub Catalog answering the media-reference check.
#include <gtest/gtest.h>

#include "digest/digest.hpp"
#include "file/api/test_support/file_harness.hpp"
#include "file/domain/media_samples.hpp"

namespace {

using dt::file::testing::FileHarness;
using dt::file::testing::HarnessOptions;
using dt::file::testing::Reply;
namespace samples = dt::file::testing;

std::string sha_of(const Reply& r) { return std::string(r.body.at("sha256").as_string()); }

class FileRoutes : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    harness_ = new FileHarness();
    stop_sign_ = new Reply(
        h().upload_form(samples::padded(samples::png_head(100, 100), 5000), "public", "stop-sign.png", "image/png"));
    photo_ = new Reply(h().upload_form(samples::jpeg(1920, 1080), "private", "Biển báo giao thông.jpg"));
    clip_ = new Reply(h().upload_raw(samples::padded(samples::mp4_head(), 30'000), "public", "clip.mp4"));
  }
  static void TearDownTestSuite() {
    delete stop_sign_;
    delete photo_;
    delete clip_;
    delete harness_;
  }
  static FileHarness& h() { return *harness_; }
  static Reply admin_get(const std::string& target) { return h().call("GET", target, "", h().token()); }
  static std::vector<std::string> names(const Reply& list) {
    std::vector<std::string> out;
    for (const auto& item : list.body.at("items").as_array()) out.emplace_back(item.at("name").as_string());
    return out;
  }
  static inline FileHarness* harness_ = nullptr;
  static inline Reply* stop_sign_ = nullptr;
  static inline Reply* photo_ = nullptr;
  static inline Reply* clip_ = nullptr;
};

TEST_F(FileRoutes, TheUploadsWereStored) {
  EXPECT_EQ(stop_sign_->status, 201) << stop_sign_->text;
  EXPECT_EQ(photo_->status, 201) << photo_->text;
  EXPECT_EQ(photo_->body.at("width").as_int64(), 1920);
  EXPECT_EQ(photo_->body.at("height").as_int64(), 1080);
  EXPECT_EQ(clip_->status, 201) << clip_->text;
  EXPECT_EQ(clip_->body.at("kind").as_string(), "video");
  EXPECT_TRUE(clip_->body.at("width").is_null());
}

TEST_F(FileRoutes, ListsNewestFirstAndSearches) {
  const auto all = admin_get("/api/files");
  ASSERT_EQ(all.status, 200) << all.text;
  EXPECT_EQ(all.body.at("total").as_int64(), 3);
  EXPECT_EQ(names(all), (std::vector<std::string>{"clip.mp4", "Biển báo giao thông.jpg", "stop-sign.png"}));
  EXPECT_EQ(names(admin_get("/api/files?search=STOP")), std::vector<std::string>{"stop-sign.png"});
  EXPECT_EQ(names(admin_get("/api/files?search=bi%E1%BB%83n")), std::vector<std::string>{"Biển báo giao thông.jpg"});
  EXPECT_EQ(names(admin_get("/api/files?search=" + sha_of(*clip_).substr(0, 12))),
            std::vector<std::string>{"clip.mp4"});
  EXPECT_EQ(names(admin_get("/api/files?search=%25")).size(), 0u) << "% is a character, not a wildcard";
  EXPECT_EQ(names(admin_get("/api/files?type=video")), std::vector<std::string>{"clip.mp4"});
  EXPECT_EQ(names(admin_get("/api/files?type=image/jpeg")), std::vector<std::string>{"Biển báo giao thông.jpg"});
  const auto second_page = admin_get("/api/files?size=2&page=2");
  EXPECT_EQ(names(second_page), std::vector<std::string>{"stop-sign.png"});
  EXPECT_EQ(second_page.body.at("total").as_int64(), 3);
  EXPECT_EQ(admin_get("/api/files?type=text/plain").status, 400);
  EXPECT_EQ(admin_get("/api/files?size=0").status, 400);
}

TEST_F(FileRoutes, ShowsOneFileWithItsUrl) {
  const auto r = admin_get("/api/files/" + sha_of(*photo_));
  ASSERT_EQ(r.status, 200) << r.text;
  EXPECT_EQ(r.body.at("visibility").as_string(), "private");
  const auto [status, body] = h().download(std::string(r.body.at("url").as_string()));
  EXPECT_EQ(status, 200);
  EXPECT_EQ(body, samples::jpeg(1920, 1080));
  EXPECT_EQ(admin_get("/api/files/" + std::string(64, '0')).status, 404);
  EXPECT_EQ(admin_get("/api/files/not-a-digest").status, 404);
}

TEST_F(FileRoutes, DeleteAsksTheCatalogWithTheCallersTokenAndRefusesWhilePublishedQuestionsShowTheFile) {
  const auto sha = sha_of(*stop_sign_);
  const auto key = std::string(stop_sign_->body.at("key").as_string());
  h().set_references(key, {12, 40});
  const auto token = h().token();
  const auto refused = h().call("DELETE", "/api/files/" + sha, "", token);
  EXPECT_EQ(refused.status, 409) << refused.text;
  EXPECT_EQ(refused.body.at("questions").as_string(), "12, 40");
  EXPECT_EQ(h().catalog_authorization(), "Bearer " + token);
  EXPECT_EQ(admin_get("/api/files/" + sha).status, 200);

  h().set_references(key, {});
  EXPECT_EQ(h().call("DELETE", "/api/files/" + sha, "", token).status, 204);
  EXPECT_EQ(admin_get("/api/files/" + sha).status, 404);
  EXPECT_EQ(h().download(std::string(stop_sign_->body.at("url").as_string())).first, 404) << "the object is gone";
  EXPECT_EQ(h().call("DELETE", "/api/files/" + sha, "", token).status, 404);
}

TEST_F(FileRoutes, AreForAdminsOnly) {
  const auto target = "/api/files/" + sha_of(*clip_);
  for (const std::string method : {"GET", "DELETE"}) {
    EXPECT_EQ(h().call(method, target).status, 401);
    EXPECT_EQ(h().call(method, target, "", h().token(false)).status, 403);
  }
  EXPECT_EQ(h().call("GET", "/api/files").status, 401);
  EXPECT_EQ(h().call("GET", "/api/files", "", h().token(false)).status, 403);
}

TEST(FileRoutesCatalogDown, DeleteIsA503AndKeepsTheFile) {
  HarnessOptions options;
  options.catalog_down = true;
  FileHarness h(options);
  const auto stored = h.upload_form(samples::padded(samples::gif_head(10, 10), 2000), "public", "x.gif");
  ASSERT_EQ(stored.status, 201) << stored.text;
  const auto r = h.call("DELETE", "/api/files/" + sha_of(stored), "", h.token());
  EXPECT_EQ(r.status, 503) << r.text;
  EXPECT_EQ(h.row_count(), 1);
  EXPECT_EQ(h.stored_keys().size(), 1u);
}

}  // namespace
