#include "async/timeout.hpp"

#include <gtest/gtest.h>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>

namespace {

namespace asio = boost::asio;
using dt::Awaitable;

Awaitable<int> sleep_then(std::chrono::milliseconds d, int value) {
  asio::steady_timer t(co_await asio::this_coro::executor, d);
  co_await t.async_wait(asio::use_awaitable);
  co_return value;
}

TEST(WithTimeout, ReturnsTheResultWhenFastEnough) {
  asio::io_context io;
  int got = 0;
  asio::co_spawn(io,
                 dt::async::with_timeout(sleep_then(std::chrono::milliseconds(1), 7), std::chrono::seconds(5), "op"),
                 [&](std::exception_ptr e, int v) {
                   ASSERT_FALSE(e);
                   got = v;
                 });
  io.run();
  EXPECT_EQ(got, 7);
}

TEST(WithTimeout, ThrowsTimeoutErrorNamingTheOperation) {
  asio::io_context io;
  std::string message;
  asio::co_spawn(
      io, dt::async::with_timeout(sleep_then(std::chrono::seconds(30), 7), std::chrono::milliseconds(20), "redis GET"),
      [&](std::exception_ptr e, int) {
        try {
          if (e) std::rethrow_exception(e);
        } catch (const dt::async::TimeoutError& err) {
          message = err.what();
        }
      });
  const auto start = std::chrono::steady_clock::now();
  io.run();
  EXPECT_EQ(message, "redis GET timed out");
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));
}

Awaitable<int> fail_after(std::chrono::milliseconds d) {
  co_await sleep_then(d, 0);
  throw std::runtime_error("connection refused");
}

TEST(WithTimeout, PassesAFailureThroughAtOnceInsteadOfTimingOut) {
  asio::io_context io;
  std::string message;
  asio::co_spawn(io, dt::async::with_timeout(fail_after(std::chrono::milliseconds(1)), std::chrono::seconds(30), "op"),
                 [&](std::exception_ptr e, int) {
                   try {
                     if (e) std::rethrow_exception(e);
                   } catch (const std::runtime_error& err) {
                     message = err.what();
                   }
                 });
  const auto start = std::chrono::steady_clock::now();
  io.run();
  EXPECT_EQ(message, "connection refused");
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));
}

TEST(WithTimeout, WorksForVoidOperations) {
  asio::io_context io;
  bool done = false;
  asio::co_spawn(
      io,
      [&]() -> Awaitable<void> {
        co_await dt::async::with_timeout(
            [&]() -> Awaitable<void> {
              co_await sleep_then(std::chrono::milliseconds(1), 0);
              done = true;
            }(),
            std::chrono::seconds(5), "void op");
      },
      asio::detached);
  io.run();
  EXPECT_TRUE(done);
}

}  // namespace
