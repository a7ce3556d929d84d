// Malformed requests are answered by the gateway and never reach a service: broken HTTP, ambiguous framing,
// targets that could make the service see another path, bodies over the route's limit, unknown methods.
#include <gtest/gtest.h>

#include "gateway/test_support/echo_upstream.hpp"
#include "gateway/test_support/gateway_harness.hpp"
#include "http/test_support/raw_client.hpp"

namespace {

using dt::gateway::testing::EchoUpstream;
using dt::gateway::testing::etcd_url;
using dt::gateway::testing::for_service;
using dt::gateway::testing::GatewayHarness;
using dt::gateway::testing::unique_service;
using dt::http::testing::RawClient;
using namespace std::chrono_literals;

constexpr const char* kRoutes = R"({
  "routes": [
    {"name": "catalog", "methods": ["GET", "POST"], "upstream_path": "/api/catalog/**", "service": "SVC",
     "max_request_bytes": 64},
    {"name": "admin", "methods": ["GET"], "upstream_path": "/api/catalog/admin/**", "service": "SVC",
     "auth": "role:admin"}
  ]})";

class GatewayMalformed : public ::testing::Test {
 protected:
  std::string service = unique_service("malformed");
  EchoUpstream upstream{service, etcd_url()};
  GatewayHarness gateway{for_service(kRoutes, service)};

  void SetUp() override { ASSERT_TRUE(gateway.wait_for_instances(service, 1, 5s)); }

  // The status the gateway answers to exactly these bytes (0: it closed the connection without answering).
  int status_of(const std::string& bytes) {
    RawClient client(gateway.port());
    client.send(bytes);
    const auto response = client.read_response(3s);
    return response ? response->status : 0;
  }
};

TEST_F(GatewayMalformed, NoneReachesTheService) {
  const std::vector<std::pair<std::string, int>> cases = {
      {"GET /api/catalog/x HTTP/1.1\r\nHost: t\r\nBad Header\r\n\r\n", 400},
      {"GET /api/catalog/x HTTP/1.1\r\nHost: t\r\nX: a\x01b\r\n\r\n", 400},
      {"GET /api/catalog/x HTTTP/1.1\r\nHost: t\r\n\r\n", 400},
      {"POST /api/catalog/x HTTP/1.1\r\nHost: t\r\nContent-Length: abc\r\n\r\n", 400},
      {"POST /api/catalog/x HTTP/1.1\r\nHost: t\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\nabcd", 400},
      {"POST /api/catalog/x HTTP/1.1\r\nHost: t\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n"
       "0\r\n\r\n",
       400},
      {"POST /api/catalog/x HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: gzip, chunked, identity\r\n\r\n0\r\n\r\n", 400},
      {"GET /api/catalog/x HTTP/1.1\r\n\r\n", 400},
      {"GET http://evil.example/api/catalog/x HTTP/1.1\r\nHost: t\r\n\r\n", 400},
      {"GET /api/catalog/../account/admin/users HTTP/1.1\r\nHost: t\r\n\r\n", 400},
      {"GET /api/catalog/%2e%2e/admin HTTP/1.1\r\nHost: t\r\n\r\n", 400},
      {"GET /api/catalog/%61dmin/users HTTP/1.1\r\nHost: t\r\n\r\n", 400},
      {"GET /api/catalog%2Fadmin/users HTTP/1.1\r\nHost: t\r\n\r\n", 400},
      {"GET /api/catalog//admin/users HTTP/1.1\r\nHost: t\r\n\r\n", 400},
      {"GET /api/catalog/x%00 HTTP/1.1\r\nHost: t\r\n\r\n", 400},
      {"GET /api/catalog/x%zz HTTP/1.1\r\nHost: t\r\n\r\n", 400},
      {"BREW /api/catalog/x HTTP/1.1\r\nHost: t\r\n\r\n", 405},
      {"PUT /api/catalog/x HTTP/1.1\r\nHost: t\r\nContent-Length: 0\r\n\r\n", 405},
      {"POST /api/catalog/x HTTP/1.1\r\nHost: t\r\nContent-Length: 65\r\n\r\n" + std::string(65, 'a'), 413},
      {"GET /api/catalog/x HTTP/1.1\r\nHost: t\r\nX-Big: " + std::string(20000, 'a') + "\r\n\r\n", 431},
      {"GET /api/catalog/admin/users HTTP/1.1\r\nHost: t\r\nX-DT-Roles: admin\r\n\r\n", 401},
  };
  for (const auto& [bytes, status] : cases) {
    EXPECT_EQ(status_of(bytes), status) << bytes.substr(0, 120);
  }
  EXPECT_EQ(upstream.requests(), 0);
  EXPECT_EQ(status_of("POST /api/catalog/x HTTP/1.1\r\nHost: t\r\nContent-Length: 64\r\n\r\n" + std::string(64, 'a')),
            200);
  EXPECT_EQ(upstream.requests(), 1);
}

}  // namespace
