// Graceful shutdown: stop accepting, finish requests in flight, close idle connections, respect the deadline.
#include "http/server.hpp"

#include <gtest/gtest.h>

#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include "http/test_support/raw_client.hpp"
#include "http/test_support/test_server.hpp"

namespace {

using namespace dt::http;
using dt::http::testing::RawClient;
using dt::http::testing::TestServer;

Handler sleeping(std::chrono::milliseconds d) {
  return [d](Request&) -> dt::Awaitable<Response> {
    boost::asio::steady_timer t(co_await boost::asio::this_coro::executor, d);
    co_await t.async_wait(boost::asio::use_awaitable);
    co_return Response::text(200, "finished");
  };
}

Router routes() {
  Router r;
  r.add(Method::get, "/slow", sleeping(std::chrono::milliseconds(500)));
  r.add(Method::get, "/forever", sleeping(std::chrono::seconds(60)));
  r.add(Method::get, "/ok", [](Request&) -> dt::Awaitable<Response> { co_return Response::text(200, "ok"); });
  return r;
}

TEST(ServerShutdown, FinishesRequestsInFlightThenCloses) {
  auto server = std::make_unique<TestServer>(routes());
  const auto port = server->port();
  RawClient busy(port);
  RawClient idle(port);
  ASSERT_TRUE(idle.request("GET", "/ok"));
  busy.send("GET /slow HTTP/1.1\r\nHost: t\r\n\r\n");
  std::this_thread::sleep_for(std::chrono::milliseconds(100));

  std::thread stopper([&] { server->stop(); });
  EXPECT_TRUE(idle.closed_by_server(std::chrono::seconds(2))) << "idle keep-alive connections close at once";
  auto r = busy.read_response();
  ASSERT_TRUE(r) << "the request in flight must be answered";
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->body, "finished");
  EXPECT_EQ(r->header("connection"), "close");
  EXPECT_TRUE(busy.closed_by_server());
  stopper.join();
  EXPECT_THROW(RawClient late(port), std::runtime_error) << "no longer accepting";
}

TEST(ServerShutdown, CutsRequestsThatOutliveTheDeadline) {
  ServerOptions options;
  options.shutdown_deadline = std::chrono::milliseconds(300);
  TestServer server(routes(), options);
  RawClient stuck(server.port());
  stuck.send("GET /forever HTTP/1.1\r\nHost: t\r\n\r\n");
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  const auto start = std::chrono::steady_clock::now();
  server.stop();
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(3));
  EXPECT_TRUE(stuck.closed_by_server(std::chrono::seconds(2)));
}

TEST(ServerShutdown, WithNoConnectionsCompletesAtOnce) {
  TestServer server(routes());
  const auto start = std::chrono::steady_clock::now();
  server.stop();
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(1));
}

}  // namespace
