#include "async/runtime.hpp"

#include <gtest/gtest.h>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <set>
#include <thread>

namespace {

namespace asio = boost::asio;

TEST(Runtime, BlockOnRunsATaskToCompletionBeforeRun) {
  dt::async::Runtime runtime(2);
  int steps = 0;
  runtime.block_on([&]() -> dt::Awaitable<void> {
    asio::steady_timer t(co_await asio::this_coro::executor, std::chrono::milliseconds(5));
    co_await t.async_wait(asio::use_awaitable);
    ++steps;
  }());
  EXPECT_EQ(steps, 1);
}

TEST(Runtime, BlockOnRethrowsTheTasksFailure) {
  dt::async::Runtime runtime(1);
  EXPECT_THROW(runtime.block_on([]() -> dt::Awaitable<void> {
    throw std::runtime_error("migration failed");
    co_return;
  }()),
               std::runtime_error);
}

TEST(Runtime, SpreadsWorkOverOneThreadPerContextUntilStopped) {
  dt::async::Runtime runtime(2);
  std::mutex mutex;
  std::set<std::thread::id> threads;
  std::atomic<int> done{0};
  for (int i = 0; i < 8; ++i) {
    asio::post(runtime.next_executor(), [&] {
      {
        std::lock_guard lock(mutex);
        threads.insert(std::this_thread::get_id());
      }
      if (++done == 8) runtime.stop();
    });
  }
  runtime.run();
  EXPECT_EQ(done.load(), 8);
  EXPECT_EQ(threads.size(), 2u);
}

}  // namespace
