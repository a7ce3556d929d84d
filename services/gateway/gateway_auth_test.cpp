// Authentication at the edge with the committed routes.json: every route answered for an anonymous caller, a
// learner and an admin as its auth requirement says; bad tokens refused; identity headers sent by clients never
// reach a service, and the verified identity does.
#include <gtest/gtest.h>

#include <map>
#include <memory>

#include "gateway/config/config_parser.hpp"
#include "gateway/config/policy_parser.hpp"
#include "gateway/gateway_settings.hpp"
#include "gateway/routing/route_table.hpp"
#include "gateway/test_support/echo_upstream.hpp"
#include "gateway/test_support/gateway_harness.hpp"

namespace {

using dt::gateway::config::AuthMode;
using dt::gateway::testing::committed_routes;
using dt::gateway::testing::EchoUpstream;
using dt::gateway::testing::etcd_url;
using dt::gateway::testing::GatewayHarness;
using dt::gateway::testing::unique_service;
using namespace std::chrono_literals;

// A path the route's upstream template matches: each {name} becomes "v1", a ** becomes "sample".
std::string sample_path(const std::string& upstream) {
  std::string out;
  std::size_t at = 1;
  while (at <= upstream.size()) {
    const auto slash = std::min(upstream.find('/', at), upstream.size());
    const std::string segment = upstream.substr(at, slash - at);
    out += '/';
    out += segment.starts_with("{**") || segment == "**" ? "sample" : segment.starts_with('{') ? "v1" : segment;
    at = slash + 1;
  }
  return out;
}

// The committed routes, each service renamed to one of this test's, with one echo instance per service.
class GatewayAuth : public ::testing::Test {
 protected:
  GatewayAuth() {
    for (const char* name : {"catalog", "account", "notification", "file"}) renamed[name] = unique_service(name);
    routes_text = committed_routes([this](const std::string& name) { return renamed.at(name); });
    for (const auto& [name, unique] : renamed) upstreams.push_back(std::make_unique<EchoUpstream>(unique, etcd_url()));
    gateway = std::make_unique<GatewayHarness>(routes_text);
  }

  void SetUp() override {
    for (const auto& [name, unique] : renamed) ASSERT_TRUE(gateway->wait_for_instances(unique, 1, 5s)) << name;
  }

  std::map<std::string, std::string> renamed;
  std::string routes_text;
  std::vector<std::unique_ptr<EchoUpstream>> upstreams;
  std::unique_ptr<GatewayHarness> gateway;
};

TEST_F(GatewayAuth, EveryRouteForAnonymousLearnerAndAdmin) {
  dt::gateway::config::ConfigLimits limits;
  limits.max_request_bytes = dt::gateway::kGatewayBodyLimit;
  const dt::gateway::routing::RouteTable table(dt::gateway::config::parse_gateway_config(routes_text, limits));
  const std::string learner = gateway->token("learner-1", {"learner"});
  const std::string admin = gateway->token("admin-1", {"learner", "admin"});
  for (const auto& route : table.routes()) {
    const std::string method(dt::http::to_string(route.config.methods.front()));
    const std::string path = sample_path(route.config.upstream_path);
    SCOPED_TRACE(route.config.name + ": " + method + " " + path);
    ASSERT_EQ(table.match(route.config.methods.front(), path).route, &route) << "the sample path must hit its route";
    const auto mode = route.config.auth.mode;

    const auto anonymous = gateway->call(method, path, method == "GET" ? "" : "{}");
    EXPECT_EQ(anonymous.status, mode == AuthMode::anonymous ? 200 : 401) << anonymous.text;
    if (anonymous.status == 401) {
      EXPECT_EQ(anonymous.header("www-authenticate"), "Bearer");
    }

    const auto as_learner = gateway->call(method, path, method == "GET" ? "" : "{}", learner);
    EXPECT_EQ(as_learner.status, mode == AuthMode::role ? 403 : 200) << as_learner.text;

    const auto as_admin = gateway->call(method, path, method == "GET" ? "" : "{}", admin);
    EXPECT_EQ(as_admin.status, 200) << as_admin.text;
    if (as_admin.status == 200) {
      const std::string instance(as_admin.body.at("instance").as_string());
      EXPECT_TRUE(instance.starts_with(route.config.service + "-echo-")) << instance;
      EXPECT_EQ(as_admin.body.at("headers").at("x-dt-user-id").as_string(), "admin-1");
    }
  }
  EXPECT_GT(gateway->metric("dt_gateway_token_cache_hits_total"), 30) << "each token is verified once, then cached";
}

TEST_F(GatewayAuth, BadTokensAreRefusedEvenWhereATokenIsOptional) {
  const auto& tokens = GatewayHarness::tokens();
  const auto expired =
      tokens.sign(tokens.header(), tokens.claims("u", {"learner"}, std::chrono::system_clock::now() - 2h));
  for (const std::string& header :
       {std::string("Authorization: Bearer not.a.token\r\n"), std::string("Authorization: Basic dXNlcjpwYXNz\r\n"),
        "Authorization: Bearer " + expired + "\r\n"}) {
    const auto reply = gateway->call("GET", "/api/catalog/jurisdictions", "", "", header);
    EXPECT_EQ(reply.status, 401) << header;
    EXPECT_EQ(reply.header("www-authenticate"), "Bearer error=\"invalid_token\"");
  }
  for (const auto& upstream : upstreams) EXPECT_EQ(upstream->requests(), 0);
  EXPECT_EQ(gateway->metric(R"(dt_gateway_auth_total{outcome="invalid_token"})"), 3);
}

TEST_F(GatewayAuth, SpoofedIdentityHeadersAreStripped) {
  const std::string spoof =
      "X-DT-User-Id: admin-1\r\nX-DT-Roles: admin\r\nx-dt-roles: admin\r\nX-Dt-Impersonate: admin-1\r\n";
  const auto anonymous = gateway->call("GET", "/api/catalog/jurisdictions", "", "", spoof);
  ASSERT_EQ(anonymous.status, 200);
  for (const auto& [name, value] : anonymous.body.at("headers").as_object()) {
    EXPECT_FALSE(std::string(name).starts_with("x-dt-")) << name << ": " << value;
  }

  const auto learner =
      gateway->call("GET", "/api/catalog/me/history", "", gateway->token("learner-7", {"learner"}), spoof);
  ASSERT_EQ(learner.status, 200);
  const auto& headers = learner.body.at("headers").as_object();
  EXPECT_EQ(headers.at("x-dt-user-id").as_string(), "learner-7");
  EXPECT_EQ(headers.at("x-dt-roles").as_string(), "learner");
  EXPECT_FALSE(headers.contains("x-dt-impersonate"));
  EXPECT_TRUE(headers.at("authorization").as_string().starts_with("Bearer "));  // services verify again

  const auto spoofed_admin =
      gateway->call("GET", "/api/catalog/admin/topics", "", gateway->token("learner-7", {"learner"}), spoof);
  EXPECT_EQ(spoofed_admin.status, 403);
}

}  // namespace
