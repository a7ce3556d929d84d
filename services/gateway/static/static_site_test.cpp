#include "gateway/static/static_site.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "errors/problem.hpp"
#include "gateway/static/mime_types.hpp"

namespace {

namespace fs = std::filesystem;
using dt::gateway::static_files::StaticSite;

void write(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << text;
}

class StaticSiteTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root = fs::temp_directory_path() / ("dt-static-" + std::to_string(::getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(root);
    write(root / "dist" / "index.html", "<!doctype html><title>app</title>");
    write(root / "dist" / "assets" / "index-4f3a9c.js", "console.log(1)");
    write(root / "dist" / "favicon.svg", "<svg/>");
    write(root / "dist" / ".env", "SECRET=1");
    write(root / "secret.txt", "outside");
    fs::create_symlink(root / "secret.txt", root / "dist" / "link.txt");
  }
  void TearDown() override { fs::remove_all(root); }

  dt::http::Response get(const std::string& target, const std::string& if_none_match = "",
                         dt::http::Method method = dt::http::Method::get) {
    dt::http::Request request;
    request.method = method;
    request.set_target(target);
    if (!if_none_match.empty()) request.headers.add("If-None-Match", if_none_match);
    return StaticSite(root / "dist").serve(request);
  }

  int status_of(const std::string& target) {
    try {
      return get(target).status;
    } catch (const dt::Problem& p) {
      return p.status();
    }
  }

  fs::path root;
};

TEST_F(StaticSiteTest, IndexIsRevalidatedAssetsAreImmutable) {
  const auto index = get("/");
  EXPECT_EQ(index.status, 200);
  EXPECT_EQ(index.body, "<!doctype html><title>app</title>");
  EXPECT_EQ(index.headers.get("Content-Type"), "text/html; charset=utf-8");
  EXPECT_EQ(index.headers.get("Cache-Control"), "no-cache");
  EXPECT_FALSE(index.headers.get("ETag").empty());
  EXPECT_FALSE(index.headers.get("Last-Modified").empty());
  const auto asset = get("/assets/index-4f3a9c.js");
  EXPECT_EQ(asset.body, "console.log(1)");
  EXPECT_EQ(asset.headers.get("Content-Type"), "text/javascript; charset=utf-8");
  EXPECT_EQ(asset.headers.get("Cache-Control"), "public, max-age=31536000, immutable");
  const auto icon = get("/favicon.svg");
  EXPECT_EQ(icon.headers.get("Content-Type"), "image/svg+xml");
  EXPECT_EQ(icon.headers.get("Cache-Control"), "no-cache");
}

TEST_F(StaticSiteTest, HistoryApiPathsGetTheIndex) {
  for (const char* path : {"/exam/42", "/practice", "/me/history?page=2", "/exam/"}) {
    const auto response = get(path);
    EXPECT_EQ(response.status, 200) << path;
    EXPECT_EQ(response.body, "<!doctype html><title>app</title>") << path;
    EXPECT_EQ(response.headers.get("Cache-Control"), "no-cache") << path;
  }
}

TEST_F(StaticSiteTest, MissingFilesAreNotFound) {
  EXPECT_EQ(status_of("/assets/index-gone.js"), 404);
  EXPECT_EQ(status_of("/assets/chunk"), 404);
  EXPECT_EQ(status_of("/logo.png"), 404);
}

TEST_F(StaticSiteTest, NothingOutsideTheRootNorHidden) {
  EXPECT_EQ(status_of("/.env"), 404);
  EXPECT_EQ(status_of("/link.txt"), 404);
  EXPECT_EQ(status_of("/%2e%2e/secret.txt"), 404);
}

TEST_F(StaticSiteTest, ConditionalRequestsGet304) {
  const auto first = get("/assets/index-4f3a9c.js");
  const auto again = get("/assets/index-4f3a9c.js", first.headers.get("ETag").data());
  EXPECT_EQ(again.status, 304);
  EXPECT_TRUE(again.body.empty());
  EXPECT_EQ(get("/assets/index-4f3a9c.js", "\"other\"").status, 200);
}

TEST_F(StaticSiteTest, OnlyGetAndHead) {
  EXPECT_EQ(get("/", "", dt::http::Method::head).status, 200);
  try {
    get("/", "", dt::http::Method::post);
    FAIL() << "POST should be refused";
  } catch (const dt::Problem& p) {
    EXPECT_EQ(p.status(), 405);
  }
}

TEST_F(StaticSiteTest, AnUnbuiltAppSaysSo) {
  fs::remove(root / "dist" / "index.html");
  const auto response = get("/anything");
  EXPECT_EQ(response.status, 200);
  EXPECT_NE(response.body.find("The web app is not built"), std::string::npos);
  const auto missing_dir = StaticSite(root / "nowhere");
  dt::http::Request request;
  request.set_target("/");
  EXPECT_NE(missing_dir.serve(request).body.find("not built"), std::string::npos);
}

TEST(MimeTypes, ByExtensionIgnoringCase) {
  using dt::gateway::static_files::mime_type_for;
  EXPECT_EQ(mime_type_for("a/b/app.CSS"), "text/css; charset=utf-8");
  EXPECT_EQ(mime_type_for("font.woff2"), "font/woff2");
  EXPECT_EQ(mime_type_for("manifest.webmanifest"), "application/manifest+json");
  EXPECT_EQ(mime_type_for("README"), "application/octet-stream");
  EXPECT_EQ(mime_type_for("archive.tar.zst"), "application/octet-stream");
}

}  // namespace
