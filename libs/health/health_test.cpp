#include "health/health.hpp"

#include <gtest/gtest.h>

#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/json/parse.hpp>

#include "http/test_support/raw_client.hpp"
#include "http/test_support/test_server.hpp"

namespace {

using namespace dt;
using http::testing::RawClient;
using http::testing::TestServer;

health::Check constant(bool value) {
  return [value]() -> Awaitable<bool> { co_return value; };
}

boost::json::object get_json(std::uint16_t port, const std::string& path, int& status) {
  RawClient client(port);
  auto r = client.request("GET", path);
  EXPECT_TRUE(r);
  status = r->status;
  return boost::json::parse(r->body).as_object();
}

TEST(Health, LiveAlwaysAnswers) {
  health::Health health;
  health.add_check("db", constant(false));
  http::Router router;
  health.add_routes(router);
  TestServer server(std::move(router));
  int status = 0;
  auto body = get_json(server.port(), "/health/live", status);
  EXPECT_EQ(status, 200);
  EXPECT_EQ(body.at("status").as_string(), "live");
}

TEST(Health, ReadyReflectsEveryDependency) {
  health::Health health;
  health.add_check("postgres", constant(true));
  health.add_check("redis", constant(false));
  health.add_check("broken", []() -> Awaitable<bool> {
    throw std::runtime_error("connection refused");
    co_return true;
  });
  http::Router router;
  health.add_routes(router);
  TestServer server(std::move(router));
  int status = 0;
  auto body = get_json(server.port(), "/health/ready", status);
  EXPECT_EQ(status, 503);
  EXPECT_EQ(body.at("status").as_string(), "not_ready");
  const auto& checks = body.at("checks").as_object();
  EXPECT_EQ(checks.at("postgres").at("status").as_string(), "up");
  EXPECT_EQ(checks.at("redis").at("status").as_string(), "down");
  EXPECT_EQ(checks.at("broken").at("error").as_string(), "connection refused");
}

TEST(Health, AHangingCheckTimesOut) {
  health::Health health;
  health.add_check(
      "slow",
      []() -> Awaitable<bool> {
        boost::asio::steady_timer t(co_await boost::asio::this_coro::executor, std::chrono::seconds(30));
        co_await t.async_wait(boost::asio::use_awaitable);
        co_return true;
      },
      std::chrono::milliseconds(100));
  http::Router router;
  health.add_routes(router);
  TestServer server(std::move(router));
  int status = 0;
  auto body = get_json(server.port(), "/health/ready", status);
  EXPECT_EQ(status, 503);
  EXPECT_EQ(body.at("checks").at("slow").at("error").as_string(), "health check 'slow' timed out");
}

TEST(Health, ReadyWhenAllUpAndNotWhenDraining) {
  health::Health health;
  health.add_check("postgres", constant(true));
  http::Router router;
  health.add_routes(router);
  TestServer server(std::move(router));
  int status = 0;
  get_json(server.port(), "/health/ready", status);
  EXPECT_EQ(status, 200);
  health.set_draining();
  auto body = get_json(server.port(), "/health/ready", status);
  EXPECT_EQ(status, 503);
  EXPECT_EQ(body.at("status").as_string(), "draining");
}

}  // namespace
