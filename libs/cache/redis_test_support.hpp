#pragma once
// Test support for the tests against the real Redis (DT_REDIS_URL, see infra/redis.sh and infra/env.sh).
// RedisTest gives each test its own key prefix, deletes its keys afterwards, and runs coroutines on N threads.
#include <gtest/gtest.h>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <unistd.h>

#include <cctype>
#include <chrono>
#include <cstdlib>
#include <exception>
#include <functional>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "cache/redis.hpp"
#include "cache/redis_url.hpp"

// GCC 12 false positive (GCC PR 109224): Asio 1.81 allocates big coroutine frames with aligned_alloc and frees
// them in its operator delete; once a test's coroutine lambda is inlined, GCC calls the pair mismatched.
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"

namespace dt::cache::testing {

namespace asio = boost::asio;
using std::chrono::milliseconds;
using Clock = std::chrono::steady_clock;

inline Awaitable<void> sleep_for(milliseconds d) {
  asio::steady_timer timer(co_await asio::this_coro::executor, d);
  co_await timer.async_wait(asio::use_awaitable);
}

// args("CLIENT", "ID"): a command's argv. GCC 12 cannot compile a braced list inside a co_await expression
// (redis.command({"CLIENT", "ID"}) fails with "array used as initializer"); a function call can.
template <class... Parts>
std::vector<std::string> args(Parts&&... parts) {
  std::vector<std::string> argv;
  (argv.emplace_back(std::forward<Parts>(parts)), ...);
  return argv;
}

// The URL of u, user and password percent-encoded.
inline std::string to_url(const RedisUrl& u) {
  const auto encode = [](const std::string& text) {
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : text) {
      if (std::isalnum(c)) {
        out.push_back(static_cast<char>(c));
      } else {
        out += {'%', hex[c >> 4], hex[c & 15]};
      }
    }
    return out;
  };
  std::string url = "redis://";
  if (!u.password.empty()) url += encode(u.username) + ":" + encode(u.password) + "@";
  return url + u.endpoint() + "/" + std::to_string(u.db);
}

class RedisTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const char* url = std::getenv("DT_REDIS_URL");
    ASSERT_TRUE(url != nullptr && *url != '\0')
        << "DT_REDIS_URL is not set: these tests need the project's Redis. Run `bash infra/redis.sh start` and "
           "`. infra/env.sh` first (or run them through the project's test script).";
    url_ = url;
    const auto* test = ::testing::UnitTest::GetInstance()->current_test_info();
    prefix_ = std::string("dt_cache_test:") + test->test_suite_name() + "." + test->name() + ":" +
              std::to_string(::getpid()) + ":" + std::to_string(std::random_device{}()) + ":";
  }

  void TearDown() override {
    if (prefix_.empty()) return;
    Redis redis(io_.get_executor(), options());
    try {
      run([&]() -> Awaitable<void> { co_await delete_keys(redis, prefix_); });
    } catch (const std::exception& e) {
      ADD_FAILURE() << "cleaning up keys " << prefix_ << "*: " << e.what();
    }
  }

  // A key of this test: unique per test and run, deleted at the end.
  std::string key(const std::string& name) const { return prefix_ + name; }

  RedisOptions options(std::size_t max_connections = 4) const {
    return {.url = url_,
            .max_connections = max_connections,
            .connect_timeout = milliseconds(1000),
            .command_timeout = milliseconds(2000),
            .acquire_timeout = milliseconds(5000)};
  }

  // Runs body (a callable returning Awaitable<void>) on io_ with the given number of threads; rethrows what
  // escaped it.
  template <class Body>
  void run(Body body, int threads = 1) {
    std::exception_ptr failure;
    asio::co_spawn(io_, body(), [&](std::exception_ptr e) { failure = e; });
    std::vector<std::thread> helpers;
    for (int i = 1; i < threads; ++i) helpers.emplace_back([this] { io_.run(); });
    io_.run();
    for (auto& helper : helpers) helper.join();
    io_.restart();
    if (failure) std::rethrow_exception(failure);
  }

  static Awaitable<void> delete_keys(Redis& redis, std::string prefix) {
    std::string cursor = "0";
    do {
      const Reply page = co_await redis.command(args("SCAN", cursor, "MATCH", prefix + "*", "COUNT", "1000"));
      cursor = page.as_array().at(0).as_string();
      std::vector<std::string> keys;
      for (const Reply& k : page.as_array().at(1).as_array()) keys.push_back(k.as_string());
      co_await redis.del(std::move(keys));
    } while (cursor != "0");
  }

  asio::io_context io_;
  std::string url_;
  std::string prefix_;
};

}  // namespace dt::cache::testing
