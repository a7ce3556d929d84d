// The web app at / through the whole gateway: files, caching headers, history-API fallback, API paths kept
// apart, and the page shown before the app is built.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "gateway/test_support/gateway_harness.hpp"

namespace {

namespace fs = std::filesystem;
using dt::gateway::testing::GatewayHarness;

constexpr const char* kRoutes =
    R"({"routes": [{"name": "api", "methods": ["GET"], "upstream_path": "/api/catalog/**", "service": "t-unused"}]})";

class GatewayStatic : public ::testing::Test {
 protected:
  GatewayStatic() {
    fs::create_directories(dist / "assets");
    std::ofstream(dist / "index.html") << "<!doctype html><div id=root></div>";
    std::ofstream(dist / "assets" / "index-1a2b3c.js") << "export{}";
  }
  ~GatewayStatic() override { fs::remove_all(dist.parent_path()); }

  fs::path dist = fs::temp_directory_path() / ("dt-gw-static-" + std::to_string(::getpid())) / "dist";
};

TEST_F(GatewayStatic, ServesTheBuiltApp) {
  GatewayHarness gateway(kRoutes, {}, dist.string());
  const auto index = gateway.call("GET", "/");
  EXPECT_EQ(index.status, 200);
  EXPECT_EQ(index.text, "<!doctype html><div id=root></div>");
  EXPECT_EQ(index.header("cache-control"), "no-cache");
  EXPECT_EQ(index.header("content-type"), "text/html; charset=utf-8");

  const auto asset = gateway.call("GET", "/assets/index-1a2b3c.js");
  EXPECT_EQ(asset.status, 200);
  EXPECT_EQ(asset.header("cache-control"), "public, max-age=31536000, immutable");
  const auto revalidated =
      gateway.call("GET", "/assets/index-1a2b3c.js", "", "", "If-None-Match: " + asset.header("etag") + "\r\n");
  EXPECT_EQ(revalidated.status, 304);

  const auto deep_link = gateway.call("GET", "/exam/3f2a?lang=en");
  EXPECT_EQ(deep_link.status, 200);
  EXPECT_EQ(deep_link.text, index.text);

  EXPECT_EQ(gateway.call("GET", "/assets/gone-9z.js").status, 404);
  const auto api = gateway.call("GET", "/api/unknown");
  EXPECT_EQ(api.status, 404);
  EXPECT_EQ(api.header("content-type"), "application/problem+json");
  EXPECT_EQ(gateway.call("POST", "/exam/1", "{}").status, 405);
  EXPECT_EQ(gateway.call("GET", "/health/live").status, 200);
  EXPECT_GE(gateway.metric(R"(dt_http_requests_total{route="static",status="200"})"), 3);
}

TEST_F(GatewayStatic, SaysWhenTheAppIsNotBuilt) {
  GatewayHarness gateway(kRoutes);
  const auto reply = gateway.call("GET", "/");
  EXPECT_EQ(reply.status, 200);
  EXPECT_NE(reply.text.find("The web app is not built"), std::string::npos);
}

}  // namespace
