// Database: errors, timeouts, readiness, prepared statement reuse.
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <chrono>
#include <mutex>
#include <set>
#include <string>

#include "db/db_test_support.hpp"

namespace {

using dt::Awaitable;
using dt::db::Database;
using dt::db::Result;
using dt::db::testing::expect_throw;
using std::chrono::steady_clock;
using namespace std::chrono_literals;

class DatabaseTest : public dt::db::testing::DbTest {};

TEST_F(DatabaseTest, UniqueViolationIsDetectedAndTheConnectionKept) {
  run([&]() -> Awaitable<void> {
    auto opts = options();
    opts.max_connections = 1;
    Database db(io_.get_executor(), opts);
    co_await db.query("CREATE TABLE " + table("users") + " (email text CONSTRAINT users_email_key UNIQUE)");
    co_await db.query("INSERT INTO " + table("users") + " VALUES ($1)", "a@example.com");
    const auto start = steady_clock::now();
    const auto error = co_await expect_throw<dt::db::Error>(
        db.query("INSERT INTO " + table("users") + " VALUES ($1)", "a@example.com"));
    EXPECT_LT(steady_clock::now() - start, 1s);  // reported at once, not held until the query timeout
    EXPECT_TRUE(error.is_unique_violation());
    EXPECT_FALSE(error.is_foreign_key_violation());
    EXPECT_EQ(error.sqlstate(), "23505");
    EXPECT_EQ(error.constraint(), "users_email_key");
    EXPECT_EQ(std::string(error.what()).find("a@example.com"), std::string::npos);  // row values stay out of messages
    const Result count = co_await db.query("SELECT count(*) FROM " + table("users"));
    EXPECT_EQ(count[0].get<std::int64_t>(0), 1);
  });
}

TEST_F(DatabaseTest, ForeignKeyAndSyntaxErrorsAreErrorsNotUnavailable) {
  run([&]() -> Awaitable<void> {
    Database db(io_.get_executor(), options());
    co_await db.query("CREATE TABLE " + table("parent") + " (id int PRIMARY KEY)");
    co_await db.query("CREATE TABLE " + table("child") + " (parent int REFERENCES " + table("parent") + ")");
    const auto fk = co_await expect_throw<dt::db::Error>(db.query("INSERT INTO " + table("child") + " VALUES ($1)", 1));
    EXPECT_TRUE(fk.is_foreign_key_violation());
    std::string sqlstate;
    try {
      co_await db.query("SELEC 1");
    } catch (const dt::db::Unavailable&) {
      sqlstate = "Unavailable";
    } catch (const dt::db::Error& e) {
      sqlstate = e.sqlstate();
    }
    EXPECT_EQ(sqlstate, "42601");
  });
}

TEST_F(DatabaseTest, QueryTimeoutCancelsTheStatementAndThePoolKeepsWorking) {
  run([&]() -> Awaitable<void> {
    auto opts = options();
    opts.query_timeout = 200ms;
    Database db(io_.get_executor(), opts);
    const auto start = steady_clock::now();
    const auto error = co_await expect_throw<dt::db::Unavailable>(db.query("SELECT pg_sleep(5)"));
    EXPECT_LT(steady_clock::now() - start, 2s);
    EXPECT_NE(std::string(error.what()).find("timed out"), std::string::npos) << error.what();
    EXPECT_EQ((co_await db.query("SELECT $1::int + 1", 41))[0].get<std::int32_t>(0), 42);

    // The server stopped running it (PQcancel), rather than sleeping on for 5 s.
    std::int64_t still_running = 1;
    for (int i = 0; i < 40 && still_running > 0; ++i) {
      const Result r = co_await db.query(
          "SELECT count(*) FROM pg_stat_activity WHERE application_name = $1 AND state = 'active' AND query = $2",
          schema_, "SELECT pg_sleep(5)");
      still_running = r[0].get<std::int64_t>(0);
      if (still_running > 0) {
        boost::asio::steady_timer pause(io_, 50ms);
        co_await pause.async_wait(boost::asio::use_awaitable);
      }
    }
    EXPECT_EQ(still_running, 0);
  });
}

TEST_F(DatabaseTest, UnreachableServerIsUnavailable) {
  run([&]() -> Awaitable<void> {
    Database db(io_.get_executor(), {.url = "postgresql://nobody@127.0.0.1:1/none", .connect_timeout = 1000ms});
    const auto start = steady_clock::now();
    co_await expect_throw<dt::db::Unavailable>(db.query("SELECT 1"));
    EXPECT_FALSE(co_await db.ping());
    EXPECT_LT(steady_clock::now() - start, 3s);
  });
}

TEST_F(DatabaseTest, AConnectionKilledWhileIdleIsReplacedWithoutAnError) {
  run([&]() -> Awaitable<void> {
    auto opts = options();
    opts.max_connections = 1;
    Database db(io_.get_executor(), opts);
    Database admin(io_.get_executor(), options());
    const auto pid = (co_await db.query("SELECT pg_backend_pid()"))[0].get<std::int32_t>(0);
    const Result killed = co_await admin.query("SELECT pg_terminate_backend($1, 5000)", pid);
    EXPECT_TRUE(killed[0].get<bool>(0));
    const Result again = co_await db.query("SELECT pg_backend_pid()");  // no error: the dead one is dropped first
    EXPECT_NE(again[0].get<std::int32_t>(0), pid);
  });
}

TEST_F(DatabaseTest, PingIsTrueWhenTheServerAnswers) {
  run([&]() -> Awaitable<void> {
    Database db(io_.get_executor(), options());
    EXPECT_TRUE(co_await db.ping());
  });
}

TEST_F(DatabaseTest, StatementsArePreparedOncePerConnection) {
  run([&]() -> Awaitable<void> {
    auto opts = options();
    opts.max_connections = 1;
    Database db(io_.get_executor(), opts);
    const std::string sql = "SELECT $1::int * 2 AS prepared_once";
    for (int i = 0; i < 3; ++i) EXPECT_EQ((co_await db.query(sql, i))[0].get<std::int32_t>(0), i * 2);
    const Result prepared = co_await db.query("SELECT count(*) FROM pg_prepared_statements WHERE statement = $1", sql);
    EXPECT_EQ(prepared[0].get<std::int64_t>(0), 1);
  });
}

TEST_F(DatabaseTest, ManyConcurrentQueriesOnTwoThreadsAllSucceed) {
  constexpr int kQueries = 200;
  int finished = 0;
  int correct = 0;
  std::set<std::int32_t> pids;
  std::mutex mutex;
  run([&]() -> Awaitable<void> {
    Database db(io_.get_executor(), options());
    const auto executor = co_await boost::asio::this_coro::executor;
    for (int i = 0; i < kQueries; ++i) {
      boost::asio::co_spawn(
          executor,
          [&db, &mutex, &finished, &correct, &pids, i]() -> Awaitable<void> {
            const Result r = co_await db.query("SELECT $1::int AS i, pg_backend_pid() AS pid", i);
            std::lock_guard lock(mutex);
            if (r[0].get<std::int32_t>("i") == i) ++correct;
            pids.insert(r[0].get<std::int32_t>("pid"));
          },
          [&](std::exception_ptr) {
            std::lock_guard lock(mutex);
            ++finished;
          });
    }
    for (;;) {  // db must outlive the queries borrowing its connections
      {
        std::lock_guard lock(mutex);
        if (finished == kQueries) break;
      }
      boost::asio::steady_timer pause(executor, 5ms);
      co_await pause.async_wait(boost::asio::use_awaitable);
    }
  });
  EXPECT_EQ(correct, kQueries);
  EXPECT_LE(pids.size(), 4u);  // max_connections
}

}  // namespace
