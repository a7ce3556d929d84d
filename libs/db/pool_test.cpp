// The pool is bounded: the (max_connections + 1)th caller waits for a free connection, or gives up with
// Unavailable after acquire_timeout.
#include <boost/asio/experimental/awaitable_operators.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <chrono>
#include <set>

#include "db/db_test_support.hpp"

namespace {

using dt::Awaitable;
using dt::db::Database;
using dt::db::Result;
using std::chrono::steady_clock;
using namespace std::chrono_literals;
using namespace boost::asio::experimental::awaitable_operators;

class PoolTest : public dt::db::testing::DbTest {};

Awaitable<std::int32_t> sleeping_backend(Database& db) {
  const Result r = co_await db.query("SELECT pg_backend_pid(), pg_sleep(0.3)");
  co_return r[0].get<std::int32_t>(0);
}

TEST_F(PoolTest, TheExtraCallerWaitsForAFreeConnection) {
  run([&]() -> Awaitable<void> {
    auto opts = options();
    opts.max_connections = 2;
    Database db(io_.get_executor(), opts);
    const auto start = steady_clock::now();
    const auto [a, b, c] = co_await (sleeping_backend(db) && sleeping_backend(db) && sleeping_backend(db));
    const auto elapsed = steady_clock::now() - start;
    EXPECT_GE(elapsed, 550ms);  // two rounds of 300 ms: the third waited for one of the first two
    EXPECT_LE(std::set<std::int32_t>({a, b, c}).size(), 2u);

    const Result sessions =
        co_await db.query("SELECT count(*) FROM pg_stat_activity WHERE application_name = $1", schema_);
    EXPECT_LE(sessions[0].get<std::int64_t>(0), 2);
  });
}

TEST_F(PoolTest, TheExtraCallerGivesUpAfterTheAcquireTimeout) {
  run([&]() -> Awaitable<void> {
    auto opts = options();
    opts.max_connections = 1;
    opts.acquire_timeout = 100ms;
    Database db(io_.get_executor(), opts);
    auto waiting = [&]() -> Awaitable<bool> {
      boost::asio::steady_timer head_start(co_await boost::asio::this_coro::executor, 50ms);
      co_await head_start.async_wait(boost::asio::use_awaitable);
      try {
        co_await db.query("SELECT 1");
      } catch (const dt::db::Unavailable&) {
        co_return true;
      }
      co_return false;
    };
    const auto [pid, gave_up] = co_await (sleeping_backend(db) && waiting());
    EXPECT_GT(pid, 0);
    EXPECT_TRUE(gave_up);
    // The held connection came back. (Fails while AsyncPool loses a slot when an acquire times out: Asio 1.81
    // leaves a buffered channel refusing try_send after a waiting async_receive is cancelled.)
    EXPECT_TRUE(co_await db.ping()) << "AsyncPool lost its slot after an acquire timeout";
  });
}

}  // namespace
