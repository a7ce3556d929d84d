// HttpClient against a real kit server: round trips, headers, keep-alive reuse, the bounded pool, threads.
#include "http_client/http_client.hpp"

#include <gtest/gtest.h>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>

#include <algorithm>
#include <atomic>

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
namespace asio = boost::asio;

TEST(HttpClient, GetsAResponse) {
  TestServer server(client_test_routes());
  ClientHarness harness;
  const auto r = harness.send(url(server.port(), "/hello"));
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, "hello");
  EXPECT_EQ(r.headers.get("content-type"), "text/plain; charset=utf-8");
}

TEST(HttpClient, PostsABodyWithHeaders) {
  TestServer server(client_test_routes());
  ClientHarness harness;
  ClientRequest request;
  request.method = "POST";
  request.body = R"({"question":"Câu hỏi điểm liệt"})" + std::string(100'000, 'x');
  request.headers.add("Content-Type", "application/json");
  const auto r = harness.send(url(server.port(), "/echo"), request);
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, request.body);
  EXPECT_EQ(r.headers.get("Content-Type"), "application/json");
}

TEST(HttpClient, SendsHostUserAgentAndWhatTheCallerSetsNothingElse) {
  TestServer server(client_test_routes());
  ClientHarness harness;
  ClientRequest request;
  with_request_id(request, "req-42");
  request.headers.add("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
  const auto r = harness.send(url(server.port(), "/headers"), request);
  EXPECT_EQ(r.body, "Host: 127.0.0.1:" + std::to_string(server.port()) +
                        "\nUser-Agent: drivetest-kit\nX-Request-Id: req-42\n"
                        "traceparent: 00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01\n")
      << r.body;
  EXPECT_EQ(r.headers.get("X-Request-Id"), "req-42") << "the server logged the caller's id";
}

TEST(HttpClient, SendsToAHostAndPort) {
  TestServer server(client_test_routes());
  ClientHarness harness;
  ClientResponse r;
  harness.run([&]() -> Awaitable<void> {
    ClientRequest request;
    request.target = "/status/201";
    r = co_await harness.client().send("127.0.0.1", server.port(), std::move(request));
  });
  EXPECT_EQ(r.status, 201);
  EXPECT_EQ(r.body, "status 201");
}

TEST(HttpClient, ErrorStatusesAreResponsesNotExceptions) {
  TestServer server(client_test_routes());
  ClientHarness harness;
  EXPECT_EQ(harness.send(url(server.port(), "/status/503")).status, 503);
  const auto missing = harness.send(url(server.port(), "/nowhere"));
  EXPECT_EQ(missing.status, 404);
  EXPECT_EQ(missing.headers.get("Content-Type"), "application/problem+json");
}

TEST(HttpClient, HeadReadsNoBodyAndKeepsTheConnectionInStep) {
  TestServer server(client_test_routes());
  ClientHarness harness;
  ClientRequest head;
  head.method = "HEAD";
  const auto r = harness.send(url(server.port(), "/hello"), head);
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, "");
  EXPECT_EQ(r.headers.get("Content-Length"), "5");
  EXPECT_EQ(harness.send(url(server.port(), "/hello")).body, "hello");
  EXPECT_EQ(server.server().connections(), 1u);
}

TEST(HttpClient, SequentialRequestsReuseOneConnection) {
  TestServer server(client_test_routes());
  ClientHarness harness;
  for (int i = 0; i < 10; ++i) {
    EXPECT_EQ(harness.send(url(server.port(), "/hello")).status, 200);
    EXPECT_EQ(server.server().connections(), 1u) << "request " << i;
  }
}

TEST(HttpClient, CountsExactlyOneConnectionForManyRequests) {
  ScriptedServer server("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok", false);
  ClientHarness harness;
  for (int i = 0; i < 5; ++i) EXPECT_EQ(harness.send(url(server.port(), "/")).body, "ok");
  EXPECT_EQ(server.accepted(), 1);
}

TEST(HttpClient, DoesNotReuseAConnectionTheServerAskedToClose) {
  ScriptedServer server("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\nok", false);
  ClientHarness harness;
  for (int i = 0; i < 3; ++i) EXPECT_EQ(harness.send(url(server.port(), "/")).body, "ok");
  EXPECT_EQ(server.accepted(), 3);
}

TEST(HttpClient, ReplacesAConnectionIdleForLongerThanIdleTimeout) {
  ScriptedServer server("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok", false);
  ClientHarness harness({.idle_timeout = std::chrono::milliseconds(50)});
  harness.send(url(server.port(), "/"));
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  EXPECT_EQ(harness.send(url(server.port(), "/")).body, "ok");
  EXPECT_EQ(server.accepted(), 2);
}

// A slow route that records the most requests in flight and connections open at once.
struct Gauge {
  std::atomic<int> in_flight{0};
  std::atomic<int> max_in_flight{0};
  std::atomic<std::size_t> max_connections{0};
  std::atomic<TestServer*> server{nullptr};
};

Router gauged_routes(Gauge& gauge) {
  Router r;
  r.add(Method::get, "/slow", [&gauge](Request&) -> Awaitable<Response> {
    const int now = ++gauge.in_flight;
    int seen = gauge.max_in_flight.load();
    while (now > seen && !gauge.max_in_flight.compare_exchange_weak(seen, now)) {
    }
    if (auto* s = gauge.server.load()) {
      const auto open = s->server().connections();
      auto max = gauge.max_connections.load();
      while (open > max && !gauge.max_connections.compare_exchange_weak(max, open)) {
      }
    }
    co_await dt::http::testing::sleep_for(std::chrono::milliseconds(100));
    --gauge.in_flight;
    co_return Response::text(200, "done");
  });
  return r;
}

TEST(HttpClient, ThePoolIsBounded) {
  Gauge gauge;
  TestServer server(gauged_routes(gauge));
  gauge.server = &server;
  ClientHarness harness({.max_connections_per_host = 2});
  std::atomic<int> ok{0};
  const auto start = std::chrono::steady_clock::now();
  harness.run(
      [&]() -> Awaitable<void> {
        const auto executor = co_await asio::this_coro::executor;
        for (int i = 0; i < 10; ++i) {
          asio::co_spawn(
              executor,
              [&]() -> Awaitable<void> {
                auto r = co_await harness.client().send(url(server.port(), "/slow"), {});
                if (r.status == 200 && r.body == "done") ++ok;
              },
              asio::detached);
        }
      },
      2);
  EXPECT_EQ(ok.load(), 10);
  EXPECT_LE(gauge.max_in_flight.load(), 2);
  EXPECT_LE(gauge.max_connections.load(), 2u);
  EXPECT_LE(server.server().connections(), 2u);
  EXPECT_GE(std::chrono::steady_clock::now() - start, std::chrono::milliseconds(450)) << "5 rounds of 100 ms";
}

TEST(HttpClient, ServesManyConcurrentCallersFromSeveralThreads) {
  TestServer server(client_test_routes());
  ClientHarness harness({.max_connections_per_host = 4});
  std::atomic<int> ok{0};
  harness.run(
      [&]() -> Awaitable<void> {
        const auto executor = co_await asio::this_coro::executor;
        for (int i = 0; i < 200; ++i) {
          asio::co_spawn(
              executor,
              [&, i]() -> Awaitable<void> {
                ClientRequest request;
                request.method = "POST";
                request.body = "call " + std::to_string(i);
                auto r = co_await harness.client().send(url(server.port(), "/echo"), std::move(request));
                if (r.body == "call " + std::to_string(i)) ++ok;
              },
              asio::detached);
        }
      },
      2);
  EXPECT_EQ(ok.load(), 200);
  EXPECT_LE(server.server().connections(), 4u);
}

}  // namespace
