#include "async/async_pool.hpp"

#include <gtest/gtest.h>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>

#include <atomic>
#include <stdexcept>
#include <thread>

namespace {

using dt::Awaitable;
using dt::async::AsyncPool;
namespace asio = boost::asio;

struct FakeConn {
  int id;
};

template <class F>
void run(asio::io_context& io, F&& body) {
  std::exception_ptr failure;
  asio::co_spawn(io, std::forward<F>(body), [&](std::exception_ptr e) { failure = e; });
  io.run();
  if (failure) std::rethrow_exception(failure);
}

AsyncPool<FakeConn>::Factory counting_factory(std::atomic<int>& created) {
  return [&created]() -> Awaitable<std::unique_ptr<FakeConn>> {
    co_return std::make_unique<FakeConn>(FakeConn{++created});
  };
}

TEST(AsyncPool, ReusesAReleasedConnection) {
  asio::io_context io;
  std::atomic<int> created{0};
  AsyncPool<FakeConn> pool(io.get_executor(), {.max_size = 2}, counting_factory(created));
  run(io, [&]() -> Awaitable<void> {
    int first_id = 0;
    {
      auto lease = co_await pool.acquire();
      first_id = lease->id;
    }
    auto again = co_await pool.acquire();
    EXPECT_EQ(again->id, first_id);
    EXPECT_EQ(created.load(), 1);
  });
}

TEST(AsyncPool, DiscardedConnectionIsReplaced) {
  asio::io_context io;
  std::atomic<int> created{0};
  AsyncPool<FakeConn> pool(io.get_executor(), {.max_size = 1}, counting_factory(created));
  run(io, [&]() -> Awaitable<void> {
    {
      auto lease = co_await pool.acquire();
      lease.discard();
    }
    auto fresh = co_await pool.acquire();
    EXPECT_EQ(fresh->id, 2);
  });
}

TEST(AsyncPool, WaitsForAFreeSlotThenTimesOut) {
  asio::io_context io;
  std::atomic<int> created{0};
  AsyncPool<FakeConn> pool(io.get_executor(), {.max_size = 1, .acquire_timeout = std::chrono::milliseconds(50)},
                           counting_factory(created));
  run(io, [&]() -> Awaitable<void> {
    auto held = co_await pool.acquire();
    EXPECT_THROW(co_await pool.acquire(), dt::async::PoolExhausted);
    EXPECT_EQ(created.load(), 1);
  });
}

TEST(AsyncPool, AWaiterGetsTheConnectionWhenItIsReleased) {
  asio::io_context io;
  std::atomic<int> created{0};
  AsyncPool<FakeConn> pool(io.get_executor(), {.max_size = 1}, counting_factory(created));
  int served = 0;
  for (int i = 0; i < 5; ++i) {
    asio::co_spawn(
        io,
        [&]() -> Awaitable<void> {
          auto lease = co_await pool.acquire();
          asio::steady_timer t(io, std::chrono::milliseconds(2));
          co_await t.async_wait(asio::use_awaitable);
          ++served;
        },
        asio::detached);
  }
  io.run();
  EXPECT_EQ(served, 5);
  EXPECT_EQ(created.load(), 1);
}

TEST(AsyncPool, AFailingFactoryGivesTheSlotBack) {
  asio::io_context io;
  int attempts = 0;
  AsyncPool<FakeConn> pool(io.get_executor(), {.max_size = 1, .acquire_timeout = std::chrono::milliseconds(50)},
                           [&]() -> Awaitable<std::unique_ptr<FakeConn>> {
                             if (++attempts == 1) throw std::runtime_error("connect refused");
                             co_return std::make_unique<FakeConn>(FakeConn{attempts});
                           });
  run(io, [&]() -> Awaitable<void> {
    EXPECT_THROW(co_await pool.acquire(), std::runtime_error);
    auto lease = co_await pool.acquire();
    EXPECT_EQ(lease->id, 2);
  });
}

TEST(AsyncPool, TimeoutsNeverLeakSlots) {
  asio::io_context io;
  std::atomic<int> created{0};
  AsyncPool<FakeConn> pool(io.get_executor(), {.max_size = 2, .acquire_timeout = std::chrono::milliseconds(5)},
                           counting_factory(created));
  int timeouts = 0;
  run(io, [&]() -> Awaitable<void> {
    {
      auto a = co_await pool.acquire();
      auto b = co_await pool.acquire();
      for (int i = 0; i < 20; ++i) {
        try {
          co_await pool.acquire();
        } catch (const dt::async::PoolExhausted&) {
          ++timeouts;
        }
      }
    }
    auto c = co_await pool.acquire();
    auto d = co_await pool.acquire();
    EXPECT_EQ(created.load(), 2) << "both slots came back and their connections were reused";
  });
  EXPECT_EQ(timeouts, 20);
}

TEST(AsyncPool, ManyThreadsNeverExceedTheBound) {
  asio::io_context io(2);
  std::atomic<int> created{0};
  std::atomic<int> in_use{0};
  std::atomic<int> peak{0};
  std::atomic<int> done{0};
  AsyncPool<FakeConn> pool(io.get_executor(), {.max_size = 3, .acquire_timeout = std::chrono::seconds(5)},
                           counting_factory(created));
  for (int i = 0; i < 200; ++i) {
    asio::co_spawn(
        io,
        [&]() -> Awaitable<void> {
          auto lease = co_await pool.acquire();
          const int now = ++in_use;
          int seen = peak.load();
          while (now > seen && !peak.compare_exchange_weak(seen, now)) {
          }
          asio::steady_timer t(io, std::chrono::microseconds(200));
          co_await t.async_wait(asio::use_awaitable);
          --in_use;
          ++done;
        },
        asio::detached);
  }
  std::thread second([&] { io.run(); });
  io.run();
  second.join();
  EXPECT_EQ(done.load(), 200);
  EXPECT_LE(peak.load(), 3);
  EXPECT_LE(created.load(), 3);
}

}  // namespace
