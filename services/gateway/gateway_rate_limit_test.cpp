// Rate limits through the gateway: 429 with Retry-After per client address and per user, nothing forwarded
// when refused, and requests let through (with a metric) when Redis cannot be reached.
#include <gtest/gtest.h>

#include "gateway/test_support/echo_upstream.hpp"
#include "gateway/test_support/gateway_harness.hpp"

namespace {

using dt::gateway::testing::EchoUpstream;
using dt::gateway::testing::etcd_url;
using dt::gateway::testing::for_service;
using dt::gateway::testing::GatewayHarness;
using dt::gateway::testing::unique_service;
using namespace std::chrono_literals;

constexpr const char* kRoutes = R"({
  "rate_limits": {
    "strict": {"per_ip": {"requests": 3, "per_seconds": 60}},
    "users": {"per_user": {"requests": 2, "per_seconds": 60}}
  },
  "routes": [
    {"name": "register", "methods": ["POST"], "upstream_path": "/api/register", "service": "SVC", "rate_limit": "strict"},
    {"name": "mine", "methods": ["GET"], "upstream_path": "/api/mine", "service": "SVC", "rate_limit": "users"},
    {"name": "free", "methods": ["GET"], "upstream_path": "/api/free", "service": "SVC"}
  ]})";

class GatewayRateLimits : public ::testing::Test {
 protected:
  std::string service = unique_service("limits");
  EchoUpstream upstream{service, etcd_url()};
};

TEST_F(GatewayRateLimits, PerAddress) {
  GatewayHarness gateway(for_service(kRoutes, service));
  ASSERT_TRUE(gateway.wait_for_instances(service, 1, 5s));
  for (int i = 0; i < 3; ++i) EXPECT_EQ(gateway.call("POST", "/api/register", "{}").status, 200) << i;
  const auto refused = gateway.call("POST", "/api/register", "{}");
  EXPECT_EQ(refused.status, 429);
  EXPECT_EQ(refused.header("content-type"), "application/problem+json");
  const int retry_after = std::stoi(refused.header("retry-after"));
  EXPECT_GE(retry_after, 19);
  EXPECT_LE(retry_after, 20);
  EXPECT_EQ(upstream.requests(), 3);
  EXPECT_EQ(gateway.call("GET", "/api/free").status, 200) << "routes without a policy are not limited";
  EXPECT_EQ(gateway.metric(R"(dt_gateway_rate_limit_total{outcome="limited"})"), 1);
}

TEST_F(GatewayRateLimits, PerUser) {
  GatewayHarness gateway(for_service(kRoutes, service));
  ASSERT_TRUE(gateway.wait_for_instances(service, 1, 5s));
  const auto alice = gateway.token("alice", {"learner"});
  const auto bob = gateway.token("bob", {"learner"});
  EXPECT_EQ(gateway.call("GET", "/api/mine", "", alice).status, 200);
  EXPECT_EQ(gateway.call("GET", "/api/mine", "", alice).status, 200);
  EXPECT_EQ(gateway.call("GET", "/api/mine", "", alice).status, 429);
  EXPECT_EQ(gateway.call("GET", "/api/mine", "", bob).status, 200) << "each user has a bucket of their own";
  for (int i = 0; i < 5; ++i) EXPECT_EQ(gateway.call("GET", "/api/mine").status, 200) << "anonymous: no user bucket";
}

TEST_F(GatewayRateLimits, RedisDownLetsRequestsThrough) {
  const std::string port = std::to_string(dt::gateway::testing::unused_port());
  const std::map<std::string, std::string> variables{{"DT_REDIS_URL", "redis://127.0.0.1:" + port}};
  GatewayHarness gateway(for_service(kRoutes, service), variables);
  ASSERT_TRUE(gateway.wait_for_instances(service, 1, 5s));
  for (int i = 0; i < 6; ++i) EXPECT_EQ(gateway.call("POST", "/api/register", "{}").status, 200) << i;
  EXPECT_EQ(upstream.requests(), 6);
  EXPECT_EQ(gateway.metric(R"(dt_gateway_rate_limit_total{outcome="fail_open"})"), 6);
}

}  // namespace
