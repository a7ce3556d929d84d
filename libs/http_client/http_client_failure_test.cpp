// HttpClient when things go wrong: timeouts, refused connects, servers that close or misbehave, big bodies.
#include "http_client/http_client.hpp"

#include <gtest/gtest.h>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/ip/tcp.hpp>

#include <memory>
#include <stdexcept>
#include <vector>

#include "http/test_support/test_server.hpp"
#include "http_client/client_test_support.hpp"
#include "http_client/scripted_server.hpp"

namespace {

using namespace dt::http;
using dt::Awaitable;
using dt::http::testing::client_test_routes;
using dt::http::testing::ClientHarness;
using dt::http::testing::ScriptedServer;
using dt::http::testing::TestServer;
using dt::http::testing::url;
using Kind = ClientError::Kind;
using std::chrono::milliseconds;
namespace asio = boost::asio;

std::chrono::steady_clock::duration since(std::chrono::steady_clock::time_point start) {
  return std::chrono::steady_clock::now() - start;
}

// A port nothing listens on (bound a moment ago, then closed).
std::uint16_t closed_port() {
  asio::io_context io;
  asio::ip::tcp::acceptor acceptor(io, {asio::ip::make_address("127.0.0.1"), 0});
  return acceptor.local_endpoint().port();
}

TEST(HttpClientFailure, ATimedOutRequestFreesItsConnectionSlot) {
  TestServer server(client_test_routes());
  ClientHarness harness({.max_connections_per_host = 1});
  ClientRequest slow;
  slow.timeout = milliseconds(100);
  const auto start = std::chrono::steady_clock::now();
  EXPECT_EQ(harness.error_of(url(server.port(), "/sleep/1000"), slow), Kind::timeout);
  EXPECT_LT(since(start), milliseconds(900));
  EXPECT_EQ(harness.send(url(server.port(), "/hello")).body, "hello") << "the pool keeps working";
}

TEST(HttpClientFailure, TheRequestTimeoutDefaultsToTheOptions) {
  TestServer server(client_test_routes());
  ClientHarness harness({.request_timeout = milliseconds(100)});
  EXPECT_EQ(harness.error_of(url(server.port(), "/sleep/1000")), Kind::timeout);
  EXPECT_EQ(harness.send(url(server.port(), "/sleep/10")).body, "slept");
}

TEST(HttpClientFailure, ARefusedConnectFailsAtOnce) {
  ClientHarness harness;
  const auto port = closed_port();
  const auto start = std::chrono::steady_clock::now();
  try {
    harness.send(url(port, "/hello"));
    FAIL() << "no error";
  } catch (const ClientError& e) {
    EXPECT_EQ(e.kind(), Kind::connect_failed);
    EXPECT_NE(std::string(e.what()).find("127.0.0.1:" + std::to_string(port)), std::string::npos) << e.what();
  }
  EXPECT_LT(since(start), milliseconds(1000));
}

TEST(HttpClientFailure, AConnectThatHangsFailsAfterTheConnectTimeout) {
  // A listener that never accepts, with its accept queue filled: Linux then drops further SYNs, so connects hang.
  asio::io_context io;
  asio::ip::tcp::acceptor full(io);
  full.open(asio::ip::tcp::v4());
  full.bind({asio::ip::make_address("127.0.0.1"), 0});
  full.listen(0);
  std::vector<std::unique_ptr<asio::ip::tcp::socket>> queued;
  for (int i = 0; i < 4; ++i) {
    queued.push_back(std::make_unique<asio::ip::tcp::socket>(io));
    queued.back()->async_connect(full.local_endpoint(), [](boost::system::error_code) {});
  }
  io.run_for(milliseconds(100));  // the first connects complete, the rest hang: the queue is full
  ClientHarness harness({.connect_timeout = milliseconds(100)});
  const auto start = std::chrono::steady_clock::now();
  try {
    harness.send(url(full.local_endpoint().port(), "/"));
    FAIL() << "no error";
  } catch (const ClientError& e) {
    EXPECT_EQ(e.kind(), Kind::connect_failed);
    EXPECT_NE(std::string(e.what()).find("timed out after 100 ms"), std::string::npos) << e.what();
  }
  EXPECT_GE(since(start), milliseconds(90));
  EXPECT_LT(since(start), milliseconds(1500));
}

TEST(HttpClientFailure, RetriesOnceWhenTheServerClosedAnIdleConnection) {
  ServerOptions options;
  options.idle_timeout = milliseconds(200);
  TestServer server(client_test_routes(), options);
  ClientHarness harness;  // idle_timeout 30 s: the client still trusts its idle connection
  EXPECT_EQ(harness.send(url(server.port(), "/hello")).status, 200);
  std::this_thread::sleep_for(milliseconds(400));
  EXPECT_EQ(server.server().connections(), 0u) << "the server closed it";
  ClientRequest post;
  post.method = "POST";
  post.body = "again";
  EXPECT_EQ(harness.send(url(server.port(), "/echo"), post).body, "again");
}

TEST(HttpClientFailure, AFreshConnectionClosedWithoutAnswerIsNotRetried) {
  ScriptedServer server("", true);
  ClientHarness harness;
  EXPECT_EQ(harness.error_of(url(server.port(), "/")), Kind::protocol);
  EXPECT_EQ(server.accepted(), 1);
}

TEST(HttpClientFailure, AReusedConnectionIsRetriedOnlyOnce) {
  // Answers the first request of each connection, then closes: the second request on a reused connection fails
  // and is retried on a fresh connection, which answers.
  ScriptedServer server("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok", true);
  ClientHarness harness;
  EXPECT_EQ(harness.send(url(server.port(), "/")).body, "ok");
  std::this_thread::sleep_for(milliseconds(50));  // let the close arrive
  EXPECT_EQ(harness.send(url(server.port(), "/")).body, "ok");
  EXPECT_EQ(server.accepted(), 2);
}

TEST(HttpClientFailure, AHalfResponseIsAProtocolError) {
  ScriptedServer server("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc", true);
  ClientHarness harness;
  EXPECT_EQ(harness.error_of(url(server.port(), "/")), Kind::protocol);
  EXPECT_EQ(server.accepted(), 1) << "a response had started: no retry";
}

TEST(HttpClientFailure, GarbageIsAProtocolError) {
  ScriptedServer server("SSH-2.0-OpenSSH_9.2\r\n\r\n", false);
  ClientHarness harness;
  EXPECT_EQ(harness.error_of(url(server.port(), "/")), Kind::protocol);
}

TEST(HttpClientFailure, ABodyOverTheLimitIsRefused) {
  TestServer server(client_test_routes());
  ClientHarness harness({.max_response_body = 1000});
  EXPECT_EQ(harness.error_of(url(server.port(), "/big/1001")), Kind::body_too_large);
  EXPECT_EQ(harness.send(url(server.port(), "/big/1000")).body.size(), 1000u);
  EXPECT_EQ(harness.send(url(server.port(), "/hello")).body, "hello");
}

TEST(HttpClientFailure, WaitingTooLongForAFreeConnectionIsATimeout) {
  TestServer server(client_test_routes());
  ClientHarness harness({.max_connections_per_host = 1, .acquire_timeout = milliseconds(100)});
  std::optional<Kind> second;
  int first_status = 0;
  harness.run([&]() -> Awaitable<void> {
    asio::co_spawn(
        co_await asio::this_coro::executor,
        [&]() -> Awaitable<void> {
          first_status = (co_await harness.client().send(url(server.port(), "/sleep/400"), {})).status;
        },
        asio::detached);
    co_await dt::http::testing::sleep_for(milliseconds(20));
    try {
      co_await harness.client().send(url(server.port(), "/hello"), {});
    } catch (const ClientError& e) {
      second = e.kind();
    }
  });
  EXPECT_EQ(first_status, 200);
  EXPECT_EQ(second, Kind::timeout);
}

// With one connection per host, an acquire that times out must not cost the host its only slot.
TEST(HttpClientFailure, AnAcquireTimeoutDoesNotCostASlot) {
  TestServer server(client_test_routes());
  ClientHarness harness({.max_connections_per_host = 1, .acquire_timeout = milliseconds(100)});
  harness.run([&]() -> Awaitable<void> {
    asio::co_spawn(
        co_await asio::this_coro::executor,
        [&]() -> Awaitable<void> { co_await harness.client().send(url(server.port(), "/sleep/300"), {}); },
        asio::detached);
    co_await dt::http::testing::sleep_for(milliseconds(20));
    EXPECT_THROW(co_await harness.client().send(url(server.port(), "/hello"), {}), ClientError);
  });
  EXPECT_EQ(harness.error_of(url(server.port(), "/hello")), std::nullopt);
}

TEST(HttpClientFailure, AMalformedUrlThrowsInvalidArgument) {
  ClientHarness harness;
  EXPECT_THROW(harness.send("https://127.0.0.1:8443/"), std::invalid_argument);
  EXPECT_THROW(harness.send("127.0.0.1:8080/hello"), std::invalid_argument);
  EXPECT_THROW(harness.send("http://127.0.0.1:99999/"), std::invalid_argument);
}

TEST(HttpClientFailure, AHeaderWithALineBreakIsRefused) {
  TestServer server(client_test_routes());
  ClientHarness harness;
  ClientRequest request;
  request.headers.add("X-Request-Id", "abc\r\nX-Admin: yes");
  EXPECT_THROW(harness.send(url(server.port(), "/hello"), request), std::invalid_argument);
}

TEST(HttpClientFailure, KindsHaveNames) {
  EXPECT_EQ(to_string(Kind::connect_failed), "connect_failed");
  EXPECT_EQ(to_string(Kind::timeout), "timeout");
  EXPECT_EQ(to_string(Kind::protocol), "protocol");
  EXPECT_EQ(to_string(Kind::body_too_large), "body_too_large");
}

}  // namespace
