// Through the gateway to an echo upstream registered in the real etcd: what the service receives, what the
// client gets back, request id and trace propagation, per-route logs and metrics, 404/405, CORS preflight.
#include <gtest/gtest.h>

#include "gateway/proxy/trace_context.hpp"
#include "gateway/test_support/echo_upstream.hpp"
#include "gateway/test_support/gateway_harness.hpp"
#include "http/test_support/raw_client.hpp"

namespace {

using dt::gateway::testing::EchoUpstream;
using dt::gateway::testing::etcd_url;
using dt::gateway::testing::for_service;
using dt::gateway::testing::GatewayHarness;
using dt::gateway::testing::unique_service;
using namespace std::chrono_literals;

constexpr const char* kRoutes = R"({
  "cors": {"web": {"allowed_origins": ["http://localhost:5173"]}},
  "routes": [
    {"name": "echo-all", "methods": ["GET", "HEAD", "POST", "PUT", "DELETE"], "upstream_path": "/api/echo/**", "service": "SVC",
     "cors": "web"},
    {"name": "echo-v1", "methods": ["GET"], "upstream_path": "/api/v1/items/{id}", "service": "SVC",
     "downstream_path": "/internal/items/{id}"}
  ]})";

class GatewayRouting : public ::testing::Test {
 protected:
  std::string service = unique_service("echo");
  EchoUpstream upstream{service, etcd_url()};
  GatewayHarness gateway{for_service(kRoutes, service)};

  void SetUp() override { ASSERT_TRUE(gateway.wait_for_instances(service, 1, 5s)); }
};

TEST_F(GatewayRouting, TheServiceReceivesTheRequestAsSent) {
  const auto reply = gateway.call("POST", "/api/echo/exams?lang=en&x=%C4%91", R"({"a":1})", "",
                                  "Accept-Language: vi\r\nX-Custom: 1\r\n");
  ASSERT_EQ(reply.status, 200) << reply.text;
  const auto& echo = reply.body.as_object();
  EXPECT_EQ(echo.at("instance").as_string(), upstream.id());
  EXPECT_EQ(echo.at("method").as_string(), "POST");
  EXPECT_EQ(echo.at("target").as_string(), "/api/echo/exams?lang=en&x=%C4%91");
  EXPECT_EQ(echo.at("body").as_string(), R"({"a":1})");
  const auto& headers = echo.at("headers").as_object();
  EXPECT_EQ(headers.at("accept-language").as_string(), "vi");
  EXPECT_EQ(headers.at("x-custom").as_string(), "1");
  EXPECT_EQ(headers.at("content-type").as_string(), "application/json");
  EXPECT_EQ(headers.at("x-forwarded-for").as_string(), "127.0.0.1");
  EXPECT_EQ(headers.at("x-forwarded-proto").as_string(), "http");
  EXPECT_EQ(headers.at("x-forwarded-host").as_string(), "test");
  EXPECT_EQ(headers.at("host").as_string(), "127.0.0.1:" + std::to_string(upstream.port()));
  EXPECT_EQ(reply.header("content-type"), "application/json");
}

TEST_F(GatewayRouting, ADownstreamTemplateRewritesThePath) {
  const auto reply = gateway.call("GET", "/api/v1/items/42?full=1");
  ASSERT_EQ(reply.status, 200) << reply.text;
  EXPECT_EQ(reply.body.at("target").as_string(), "/internal/items/42?full=1");
}

TEST_F(GatewayRouting, AHeadRequestGetsTheServicesLengthAndNoBody) {
  dt::http::testing::RawClient client(gateway.port());
  client.send("HEAD /api/echo/items HTTP/1.1\r\nHost: t\r\n\r\n");
  const auto head = client.read_response(5s, true);
  ASSERT_TRUE(head);
  EXPECT_EQ(head->status, 200);
  EXPECT_TRUE(head->body.empty());
  EXPECT_GT(std::stoul(head->header("content-length")), 20u) << "the length of the echo a GET would carry";
  const auto next = client.request("GET", "/api/echo/items");
  ASSERT_TRUE(next) << "the connection stays in step after a HEAD";
  EXPECT_EQ(next->status, 200);
}

TEST_F(GatewayRouting, TheRequestIdFollowsTheRequest) {
  const auto sent = gateway.call("GET", "/api/echo/x", "", "", "X-Request-Id: my-request-1\r\n");
  EXPECT_EQ(sent.header("x-request-id"), "my-request-1");
  EXPECT_EQ(sent.body.at("headers").at("x-request-id").as_string(), "my-request-1");
  const auto generated = gateway.call("GET", "/api/echo/x");
  EXPECT_EQ(generated.header("x-request-id").size(), 32u);
  EXPECT_EQ(generated.body.at("headers").at("x-request-id").as_string(), generated.header("x-request-id"));
}

TEST_F(GatewayRouting, TheTraceIsContinuedOrStarted) {
  const auto continued = gateway.call(
      "GET", "/api/echo/x", "", "",
      "traceparent: 00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01\r\ntracestate: congo=t61rcWkgMzE\r\n");
  const auto& headers = continued.body.at("headers").as_object();
  const auto parent = dt::gateway::proxy::parse_traceparent(headers.at("traceparent").as_string());
  ASSERT_TRUE(parent);
  EXPECT_EQ(parent->trace_id, "4bf92f3577b34da6a3ce929d0e0e4736");
  EXPECT_NE(parent->parent_id, "00f067aa0ba902b7");
  EXPECT_EQ(headers.at("tracestate").as_string(), "congo=t61rcWkgMzE");

  const auto started = gateway.call("GET", "/api/echo/x", "", "", "traceparent: nonsense\r\ntracestate: a=b\r\n");
  const auto& fresh = started.body.at("headers").as_object();
  EXPECT_TRUE(dt::gateway::proxy::parse_traceparent(fresh.at("traceparent").as_string()));
  EXPECT_FALSE(fresh.contains("tracestate"));
}

TEST_F(GatewayRouting, TheServicesAnswerComesBackWhateverItsStatus) {
  const auto reply = gateway.call("GET", "/api/echo/x?status=418");
  EXPECT_EQ(reply.status, 418);
  EXPECT_EQ(reply.body.at("instance").as_string(), upstream.id());
  EXPECT_EQ(gateway.metric("dt_gateway_upstream_retries_total{service=\"" + service + "\"}"), 0);
}

TEST_F(GatewayRouting, MetricsAreCountedPerRoute) {
  gateway.call("GET", "/api/echo/a");
  gateway.call("GET", "/api/echo/b");
  gateway.call("GET", "/api/v1/items/1");
  EXPECT_EQ(gateway.metric(R"(dt_http_requests_total{route="echo-all",status="200"})"), 2);
  EXPECT_EQ(gateway.metric(R"(dt_http_requests_total{route="echo-v1",status="200"})"), 1);
  EXPECT_EQ(gateway.metric(R"(dt_gateway_upstream_requests_total{service=")" + service + R"(",outcome="response"})"),
            3);
}

TEST_F(GatewayRouting, UnknownApiPathsAndWrongMethodsNeverReachTheService) {
  const auto unknown = gateway.call("GET", "/api/nothing/here");
  EXPECT_EQ(unknown.status, 404);
  EXPECT_EQ(unknown.header("content-type"), "application/problem+json");
  const auto wrong = gateway.call("DELETE", "/api/v1/items/1");
  EXPECT_EQ(wrong.status, 405);
  EXPECT_EQ(wrong.header("allow"), "GET, HEAD");
  EXPECT_EQ(upstream.requests(), 0);
}

TEST_F(GatewayRouting, CorsPreflightsAreAnsweredAtTheEdge) {
  const auto preflight = gateway.call("OPTIONS", "/api/echo/x", "", "",
                                      "Origin: http://localhost:5173\r\nAccess-Control-Request-Method: PUT\r\n"
                                      "Access-Control-Request-Headers: authorization, content-type\r\n");
  EXPECT_EQ(preflight.status, 204);
  EXPECT_EQ(preflight.header("access-control-allow-origin"), "http://localhost:5173");
  EXPECT_EQ(preflight.header("access-control-allow-methods"), "GET, HEAD, POST, PUT, DELETE");
  const auto refused = gateway.call("OPTIONS", "/api/v1/items/1", "", "",
                                    "Origin: http://localhost:5173\r\nAccess-Control-Request-Method: GET\r\n");
  EXPECT_EQ(refused.status, 403);
  const auto actual = gateway.call("GET", "/api/echo/x", "", "", "Origin: http://localhost:5173\r\n");
  EXPECT_EQ(actual.header("access-control-allow-origin"), "http://localhost:5173");
  EXPECT_EQ(upstream.requests(), 1);
}

}  // namespace
