// The route file reloaded while the gateway runs: new routes and services take effect, open keep-alive
// connections carry on, and a broken file changes nothing.
#include <gtest/gtest.h>

#include "gateway/test_support/echo_upstream.hpp"
#include "gateway/test_support/gateway_harness.hpp"
#include "http/test_support/raw_client.hpp"

namespace {

using dt::gateway::testing::EchoUpstream;
using dt::gateway::testing::etcd_url;
using dt::gateway::testing::eventually;
using dt::gateway::testing::for_service;
using dt::gateway::testing::GatewayHarness;
using dt::gateway::testing::unique_service;
using namespace std::chrono_literals;

constexpr const char* kFirst =
    R"({"routes": [{"name": "old", "methods": ["GET"], "upstream_path": "/api/old/**", "service": "SVC"}]})";
constexpr const char* kSecond = R"({"routes": [
    {"name": "new", "methods": ["GET"], "upstream_path": "/api/new/**", "service": "SVC"},
    {"name": "other", "methods": ["GET"], "upstream_path": "/api/other", "service": "SVC-2"}]})";

TEST(GatewayReload, ANewFileTakesEffectWithoutDroppingConnections) {
  const std::string service = unique_service("reload");
  EchoUpstream first(service, etcd_url());
  EchoUpstream second(service + "-2", etcd_url());
  GatewayHarness gateway(for_service(kFirst, service));
  ASSERT_TRUE(gateway.wait_for_instances(service, 1, 5s));

  dt::http::testing::RawClient kept_alive(gateway.port());
  const auto before = kept_alive.request("GET", "/api/old/x");
  ASSERT_TRUE(before);
  EXPECT_EQ(before->status, 200);

  gateway.write_routes(for_service(kSecond, service));
  ASSERT_TRUE(eventually([&] { return gateway.call("GET", "/api/new/x").status == 200; }, 5s));
  EXPECT_EQ(gateway.call("GET", "/api/old/x").status, 404);
  EXPECT_TRUE(eventually([&] { return gateway.call("GET", "/api/other").status == 200; }, 5s))
      << "a service first named by the new file is watched";
  EXPECT_EQ(second.requests(), 1);

  const auto after = kept_alive.request("GET", "/api/new/y");
  ASSERT_TRUE(after) << "the connection opened before the reload still works";
  EXPECT_EQ(after->status, 200);
  EXPECT_EQ(gateway.metric(R"(dt_gateway_route_reloads_total{outcome="ok"})"), 1);
}

TEST(GatewayReload, ABrokenFileKeepsTheRoutesInForce) {
  const std::string service = unique_service("reload");
  EchoUpstream upstream(service, etcd_url());
  GatewayHarness gateway(for_service(kFirst, service));
  ASSERT_TRUE(gateway.wait_for_instances(service, 1, 5s));
  gateway.write_routes(R"({"routes": [{"name": "half", "methods": ["GET"], "upstream_pa)");
  ASSERT_TRUE(
      eventually([&] { return gateway.metric(R"(dt_gateway_route_reloads_total{outcome="failed"})") == 1; }, 5s));
  EXPECT_EQ(gateway.call("GET", "/api/old/x").status, 200);
}

}  // namespace
