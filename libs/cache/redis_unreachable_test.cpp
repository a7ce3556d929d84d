// Redis against servers that misbehave on purpose: a closed port, a server that never answers, one that drops
// connections. A fake server on a loopback port stands in for Redis, so no real Redis is needed.
#include <gtest/gtest.h>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>

#include <array>
#include <chrono>
#include <functional>
#include <string>

#include "cache/redis.hpp"

namespace {

namespace asio = boost::asio;
using asio::ip::tcp;
using dt::Awaitable;
using dt::cache::Redis;
using dt::cache::Retry;
using dt::cache::Unavailable;
using std::chrono::milliseconds;
using Clock = std::chrono::steady_clock;

// How the fake server treats its n-th connection (0-based).
using Behaviour = std::function<Awaitable<void>(int n, tcp::socket socket)>;

class FakeServer {
 public:
  FakeServer(asio::io_context& io, Behaviour behaviour)
      : acceptor_(io, tcp::endpoint(asio::ip::make_address("127.0.0.1"), 0)), behaviour_(std::move(behaviour)) {
    asio::co_spawn(io, accept_loop(), asio::detached);
  }
  std::string url(const std::string& userinfo = "") const {
    return "redis://" + userinfo + "127.0.0.1:" + std::to_string(acceptor_.local_endpoint().port());
  }
  int accepted() const { return accepted_; }

 private:
  Awaitable<void> accept_loop() {
    for (;;) {
      tcp::socket socket = co_await acceptor_.async_accept(asio::use_awaitable);
      asio::co_spawn(acceptor_.get_executor(), behaviour_(accepted_++, std::move(socket)), asio::detached);
    }
  }

  tcp::acceptor acceptor_;
  Behaviour behaviour_;
  int accepted_ = 0;
};

// Reads until the client goes away, answering nothing.
Awaitable<void> silent(int, tcp::socket socket) {
  std::array<char, 512> buffer{};
  for (;;) co_await socket.async_read_some(asio::buffer(buffer), asio::use_awaitable);
}

// Answers +OK to every read (the tests send one small command at a time).
Awaitable<void> answer_ok(tcp::socket& socket, int times) {
  std::array<char, 512> buffer{};
  for (int i = 0; i < times; ++i) {
    co_await socket.async_read_some(asio::buffer(buffer), asio::use_awaitable);
    co_await asio::async_write(socket, asio::buffer(std::string("+OK\r\n")), asio::use_awaitable);
  }
}

Awaitable<void> sleep_for(milliseconds d) {
  asio::steady_timer timer(co_await asio::this_coro::executor, d);
  co_await timer.async_wait(asio::use_awaitable);
}

// Runs body to its end, then stops the io_context (the fake server would keep it running).
void run(asio::io_context& io, std::function<Awaitable<void>()> body) {
  std::exception_ptr failure;
  asio::co_spawn(io, body(), [&](std::exception_ptr e) {
    failure = e;
    io.stop();
  });
  io.run();
  if (failure) std::rethrow_exception(failure);
}

dt::cache::RedisOptions options(std::string url) {
  return {.url = std::move(url),
          .max_connections = 2,
          .connect_timeout = milliseconds(200),
          .command_timeout = milliseconds(200),
          .acquire_timeout = milliseconds(200)};
}

TEST(RedisUnreachable, AClosedPortIsUnavailableAtOnce) {
  asio::io_context io;
  std::string url;
  {
    tcp::acceptor closed(io, tcp::endpoint(asio::ip::make_address("127.0.0.1"), 0));
    url = "redis://127.0.0.1:" + std::to_string(closed.local_endpoint().port());
  }
  Redis redis(io.get_executor(), options(url));
  run(io, [&]() -> Awaitable<void> {
    const auto start = Clock::now();
    try {
      co_await redis.get("k");
      ADD_FAILURE() << "no exception";
    } catch (const Unavailable& e) {
      EXPECT_NE(std::string(e.what()).find("cannot connect"), std::string::npos) << e.what();
    }
    EXPECT_LT(Clock::now() - start, milliseconds(150)) << "a refused connect must not wait for the timeout";
    EXPECT_FALSE(co_await redis.ping());
  });
}

TEST(RedisUnreachable, AServerThatNeverAnswersAuthTimesOutTheConnect) {
  asio::io_context io;
  FakeServer server(io, silent);
  Redis redis(io.get_executor(), options(server.url(":secret@")));
  run(io, [&]() -> Awaitable<void> {
    const auto start = Clock::now();
    try {
      co_await redis.get("k");
      ADD_FAILURE() << "no exception";
    } catch (const Unavailable& e) {
      EXPECT_NE(std::string(e.what()).find("connect timed out after 200 ms"), std::string::npos) << e.what();
      EXPECT_EQ(std::string(e.what()).find("secret"), std::string::npos) << e.what();
    }
    EXPECT_GE(Clock::now() - start, milliseconds(190));
    EXPECT_LT(Clock::now() - start, milliseconds(1000));
  });
}

TEST(RedisUnreachable, ACommandTimesOutAndItsConnectionIsNeverReused) {
  asio::io_context io;
  FakeServer server(io, [](int n, tcp::socket socket) -> Awaitable<void> {
    if (n > 0) co_await answer_ok(socket, 1);
    co_await silent(n, std::move(socket));  // the first connection never answers
  });
  Redis redis(io.get_executor(), options(server.url()));
  run(io, [&]() -> Awaitable<void> {
    try {
      co_await redis.set("k", "v");
      ADD_FAILURE() << "no exception";
    } catch (const Unavailable& e) {
      EXPECT_NE(std::string(e.what()).find("SET timed out after 200 ms"), std::string::npos) << e.what();
    }
    co_await redis.set("k", "v");  // on a new connection: the late +OK of the first must not answer this one
    EXPECT_EQ(server.accepted(), 2);
  });
}

TEST(RedisUnreachable, AConnectionLostMidCommandIsRetriedOnceOnANewOne) {
  asio::io_context io;
  FakeServer server(io, [](int n, tcp::socket socket) -> Awaitable<void> {
    std::array<char, 512> buffer{};
    if (n == 0) {
      co_await socket.async_read_some(asio::buffer(buffer), asio::use_awaitable);
      co_return;  // closes without answering, as a Redis crashing mid-command
    }
    co_await answer_ok(socket, 10);
  });
  Redis redis(io.get_executor(), options(server.url()));
  run(io, [&]() -> Awaitable<void> {
    co_await redis.set("k", "v");
    EXPECT_EQ(server.accepted(), 2);
  });
}

TEST(RedisUnreachable, RetryNeverReportsTheLostConnection) {
  asio::io_context io;
  FakeServer server(io, [](int, tcp::socket socket) -> Awaitable<void> {
    std::array<char, 512> buffer{};
    co_await socket.async_read_some(asio::buffer(buffer), asio::use_awaitable);
  });
  Redis redis(io.get_executor(), options(server.url()));
  run(io, [&]() -> Awaitable<void> {
    try {
      std::vector<std::string> incr{"INCR", "k"};
      co_await redis.command(std::move(incr), Retry::never);
      ADD_FAILURE() << "no exception";
    } catch (const Unavailable& e) {
      EXPECT_NE(std::string(e.what()).find("connection lost during INCR"), std::string::npos) << e.what();
    }
    EXPECT_EQ(server.accepted(), 1);
  });
}

TEST(RedisUnreachable, AConnectionClosedWhileIdleIsReplacedBeforeSending) {
  asio::io_context io;
  FakeServer server(io, [](int, tcp::socket socket) -> Awaitable<void> {
    co_await answer_ok(socket, 1);  // then closes, as a restarting Redis does
  });
  Redis redis(io.get_executor(), options(server.url()));
  run(io, [&]() -> Awaitable<void> {
    const std::vector<std::string> set{"SET", "k", "v"};
    co_await redis.command(set, Retry::never);
    co_await sleep_for(milliseconds(50));
    co_await redis.command(set, Retry::never);  // not sent on the closed one, so nothing to retry
    EXPECT_EQ(server.accepted(), 2);
  });
}

TEST(RedisUnreachable, RejectsABadUrlAtConstruction) {
  asio::io_context io;
  EXPECT_THROW(Redis(io.get_executor(), {.url = "http://127.0.0.1"}), std::invalid_argument);
  EXPECT_THROW(Redis(io.get_executor(), {.url = "redis://127.0.0.1", .max_connections = 0}), std::invalid_argument);
}

}  // namespace
