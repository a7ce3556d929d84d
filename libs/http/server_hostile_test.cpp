// Hostile input must neither crash nor hang the server nor starve other clients.
#include "http/server.hpp"

#include <gtest/gtest.h>

#include <random>

#include "http/test_support/raw_client.hpp"
#include "http/test_support/test_server.hpp"

namespace {

using namespace dt::http;
using dt::http::testing::RawClient;
using dt::http::testing::TestServer;

Router routes() {
  Router r;
  r.add(Method::get, "/ok", [](Request&) -> dt::Awaitable<Response> { co_return Response::text(200, "ok"); });
  r.add(Method::post, "/echo",
        [](Request& req) -> dt::Awaitable<Response> { co_return Response::text(200, req.body); });
  return r;
}

ServerOptions quick_timeouts() {
  ServerOptions o;
  o.header_timeout = std::chrono::milliseconds(500);
  o.body_timeout = std::chrono::milliseconds(500);
  o.idle_timeout = std::chrono::milliseconds(1000);
  return o;
}

void expect_still_serving(std::uint16_t port) {
  RawClient probe(port);
  auto r = probe.request("GET", "/ok");
  ASSERT_TRUE(r) << "the server stopped answering";
  EXPECT_EQ(r->status, 200);
}

TEST(ServerHostile, GarbageBytesGetA400AndAClose) {
  TestServer server(routes(), quick_timeouts());
  RawClient client(server.port());
  client.send("\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03 not http at all\r\n\r\n");
  auto r = client.read_response();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 400);
  EXPECT_TRUE(client.closed_by_server());
  expect_still_serving(server.port());
}

TEST(ServerHostile, RandomNoiseNeverCrashesTheServer) {
  TestServer server(routes(), quick_timeouts());
  std::mt19937 rng(1234);
  for (int round = 0; round < 50; ++round) {
    RawClient client(server.port());
    std::string noise(static_cast<std::size_t>(rng() % 2000 + 1), '\0');
    for (auto& c : noise) c = static_cast<char>(rng());
    if (round % 2) noise = "GET /ok HTTP/1.1\r\n" + noise;
    client.send(noise);
    client.closed_by_server(std::chrono::milliseconds(1500));
  }
  expect_still_serving(server.port());
}

TEST(ServerHostile, AbsoluteOrEmptyTargetsAreRefused) {
  TestServer server(routes(), quick_timeouts());
  RawClient client(server.port());
  client.send("GET http://evil.example/ok HTTP/1.1\r\nHost: x\r\n\r\n");
  auto r = client.read_response();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 400);
}

TEST(ServerHostile, ATruncatedBodyTimesOutAndIsClosed) {
  TestServer server(routes(), quick_timeouts());
  RawClient client(server.port());
  client.send("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 100\r\n\r\nonly-a-few-bytes");
  EXPECT_TRUE(client.closed_by_server(std::chrono::seconds(3)));
  expect_still_serving(server.port());
}

TEST(ServerHostile, AContentLengthShorterThanTheBodyLeavesGarbageThatIsRefused) {
  TestServer server(routes(), quick_timeouts());
  RawClient client(server.port());
  client.send("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 3\r\n\r\nabcdefgh\r\n\r\n");
  auto first = client.read_response();
  ASSERT_TRUE(first);
  EXPECT_EQ(first->body, "abc");
  auto second = client.read_response();
  ASSERT_TRUE(second);
  EXPECT_EQ(second->status, 400);
  EXPECT_TRUE(client.closed_by_server());
}

TEST(ServerHostile, ConflictingLengthsAreRefused) {
  TestServer server(routes(), quick_timeouts());
  RawClient client(server.port());
  client.send("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 3\r\nContent-Length: 5\r\n\r\nabcde");
  auto r = client.read_response();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 400);
}

TEST(ServerHostile, AnEndlessHeaderIsCutOff) {
  TestServer server(routes(), quick_timeouts());
  RawClient client(server.port());
  client.send("GET /ok HTTP/1.1\r\nX-Long: " + std::string(64 * 1024, 'a'));
  auto r = client.read_response();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 431);
}

TEST(ServerHostile, ASlowClientDoesNotStarveOthers) {
  TestServer server(routes(), quick_timeouts());
  std::atomic<bool> slow_done{false};
  std::atomic<bool> slow_closed{false};
  std::thread slow([&] {
    RawClient client(server.port());
    const std::string request = "GET /ok HTTP/1.1\r\nHost: t\r\n\r\n";
    for (char c : request) {  // one byte every 100 ms: the 500 ms header timeout must cut it
      client.send(std::string(1, c));
      if (client.closed_by_server(std::chrono::milliseconds(100))) {
        slow_closed = true;
        break;
      }
    }
    slow_done = true;
  });
  int served = 0;
  while (!slow_done) {
    RawClient fast(server.port());
    auto r = fast.request("GET", "/ok");
    if (r && r->status == 200) ++served;
  }
  slow.join();
  EXPECT_TRUE(slow_closed) << "the slow client should have been cut by the header timeout";
  EXPECT_GT(served, 10) << "other clients must be served while the slow one trickles";
}

TEST(ServerHostile, IdleKeepAliveConnectionsAreClosed) {
  TestServer server(routes(), quick_timeouts());
  RawClient client(server.port());
  ASSERT_TRUE(client.request("GET", "/ok"));
  EXPECT_TRUE(client.closed_by_server(std::chrono::seconds(3)));
}

TEST(ServerHostile, ConnectionsOverTheCapGet503) {
  ServerOptions options = quick_timeouts();
  options.max_connections = 2;
  TestServer server(routes(), options);
  RawClient a(server.port());
  RawClient b(server.port());
  ASSERT_TRUE(a.request("GET", "/ok"));
  ASSERT_TRUE(b.request("GET", "/ok"));
  RawClient c(server.port());
  auto r = c.read_response();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 503);
  EXPECT_TRUE(c.closed_by_server());
  auto still = a.request("GET", "/ok");
  ASSERT_TRUE(still);
  EXPECT_EQ(still->status, 200);
}

}  // namespace
