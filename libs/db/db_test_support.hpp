#pragma once
// Test support for dt_db: DbTest gives each test the real PostgreSQL from DT_PG_URL (failing, not skipping,
// when it is unset), a schema of its own (dropped afterwards) and run(), which drives a coroutine on an
// io_context run by two threads, as in a service.
#include <gtest/gtest.h>
#include <unistd.h>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>

#include <atomic>
#include <cctype>
#include <cstdlib>
#include <exception>
#include <optional>
#include <stdexcept>
#include <string>
#include <thread>

#include "async/test_support/run_blocking.hpp"
#include "db/database.hpp"

namespace dt::db::testing {

class DbTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const char* url = std::getenv("DT_PG_URL");
    ASSERT_TRUE(url && *url) << "DT_PG_URL is not set: dt_db tests need the real PostgreSQL. Start it with "
                                "`bash infra/postgres.sh start`, then `. infra/env.sh` to export DT_PG_URL.";
    url_ = url;
    schema_ = unique_schema_name();
    run([this]() -> Awaitable<void> {
      Database db(io_.get_executor(), options());
      co_await db.query("CREATE SCHEMA " + schema_);
    });
  }

  void TearDown() override {
    if (url_.empty()) return;
    run([this]() -> Awaitable<void> {
      Database db(io_.get_executor(), options());
      co_await db.query("DROP SCHEMA IF EXISTS " + schema_ + " CASCADE");
    });
  }

  // Small pool; application_name = the schema, so a test can find its own sessions in pg_stat_activity.
  PoolOptions options() const { return {.url = url_, .max_connections = 4, .application_name = schema_}; }
  std::string table(const std::string& name) const { return schema_ + "." + name; }

  // Runs body() to completion on io_ with two threads and rethrows what it threw.
  template <class F>
  void run(F body) {
    async::testing::run_blocking(io_, std::move(body), 2);
  }

  boost::asio::io_context io_;
  std::string url_;
  std::string schema_;

 private:
  static std::string unique_schema_name() {
    static std::atomic<int> counter{0};
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    std::string name = "t_" + std::string(info->test_suite_name()) + "_" + info->name();
    for (char& c : name) c = std::isalnum(static_cast<unsigned char>(c)) ? static_cast<char>(std::tolower(c)) : '_';
    return name.substr(0, 40) + "_" + std::to_string(::getpid()) + "_" + std::to_string(++counter);
  }
};

// Expects `statement` to throw E; returns the exception for further checks.
template <class E, class A>
Awaitable<E> expect_throw(A statement) {
  std::optional<E> caught;
  try {
    co_await std::move(statement);
  } catch (const E& e) {
    caught = e;
  }
  if (!caught) throw std::runtime_error("expected an exception that was not thrown");
  co_return *caught;
}

}  // namespace dt::db::testing
