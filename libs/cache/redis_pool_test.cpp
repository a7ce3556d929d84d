// Connections, pool, timeouts and concurrency of dt::cache::Redis against the real Redis.
#include <atomic>
#include <string>

#include "cache/redis_test_support.hpp"
#include "cache/redis_url.hpp"

namespace {

namespace asio = boost::asio;
using dt::Awaitable;
using dt::cache::Error;
using dt::cache::Redis;
using dt::cache::RedisUrl;
using dt::cache::Retry;
using dt::cache::Unavailable;
using dt::cache::testing::args;
using dt::cache::testing::Clock;
using dt::cache::testing::milliseconds;
using dt::cache::testing::RedisTest;
using dt::cache::testing::sleep_for;
using dt::cache::testing::to_url;

using RedisPool = RedisTest;

TEST_F(RedisPool, AWrongPasswordGivesAClearError) {
  RedisUrl url = RedisUrl::parse(url_);
  url.password = "not-the-password";
  auto opts = options();
  opts.url = to_url(url);
  Redis redis(io_.get_executor(), opts);
  run([&]() -> Awaitable<void> {
    try {
      co_await redis.get(key("k"));
      ADD_FAILURE() << "no exception";
    } catch (const Unavailable& e) {
      ADD_FAILURE() << "a wrong password is a configuration error, not Unavailable: " << e.what();
    } catch (const Error& e) {
      const std::string message = e.what();
      EXPECT_NE(message.find("AUTH failed (check the user and password in the URL)"), std::string::npos) << message;
      EXPECT_NE(message.find(url.endpoint()), std::string::npos) << message;
      EXPECT_EQ(message.find("not-the-password"), std::string::npos) << message;
    }
    EXPECT_FALSE(co_await redis.ping());
  });
}

TEST_F(RedisPool, SelectsTheDatabaseOfTheUrl) {
  RedisUrl url = RedisUrl::parse(url_);
  url.db = 3;
  auto opts = options();
  opts.url = to_url(url);
  Redis db3(io_.get_executor(), opts);
  Redis db0(io_.get_executor(), options());
  run([&]() -> Awaitable<void> {
    co_await db3.set(key("where"), "db3");
    EXPECT_EQ(co_await db3.get(key("where")), "db3");
    EXPECT_EQ(co_await db0.get(key("where")), std::nullopt);
    co_await db3.del(args(key("where")));
  });
}

TEST_F(RedisPool, NeverOpensMoreThanMaxConnections) {
  Redis redis(io_.get_executor(), options(2));
  std::atomic<int> done{0};
  const auto start = Clock::now();
  run([&]() -> Awaitable<void> {
    // Six commands that each hold their connection 200 ms: with two connections they take three rounds.
    for (int i = 0; i < 6; ++i) {
      asio::co_spawn(
          co_await asio::this_coro::executor,
          [&]() -> Awaitable<void> {
            EXPECT_TRUE((co_await redis.command(args("BLPOP", key("empty"), "0.2"))).is_nil());
            ++done;
          },
          asio::detached);
    }
    co_return;
  });
  EXPECT_EQ(done.load(), 6);
  EXPECT_GE(Clock::now() - start, milliseconds(580));
}

TEST_F(RedisPool, WaitingForAFreeConnectionTimesOut) {
  auto opts = options(1);
  opts.acquire_timeout = milliseconds(100);
  Redis redis(io_.get_executor(), opts);
  run([&]() -> Awaitable<void> {
    asio::co_spawn(
        co_await asio::this_coro::executor,
        [&]() -> Awaitable<void> { co_await redis.command(args("BLPOP", key("empty"), "0.5")); }, asio::detached);
    co_await sleep_for(milliseconds(50));
    try {
      co_await redis.get(key("k"));
      ADD_FAILURE() << "no exception";
    } catch (const Unavailable& e) {
      EXPECT_NE(std::string(e.what()).find("no free connection within 100 ms (all 1 in use)"), std::string::npos)
          << e.what();
    }
  });
}

TEST_F(RedisPool, ACommandTimeoutIsUnavailableAndThePoolGoesOn) {
  auto opts = options(1);
  opts.command_timeout = milliseconds(300);
  Redis redis(io_.get_executor(), opts);
  Redis observer(io_.get_executor(), options(1));
  run([&]() -> Awaitable<void> {
    const long long first_id = (co_await redis.command(args("CLIENT", "ID"))).as_integer();
    const auto start = Clock::now();
    try {
      co_await redis.command(args("BLPOP", key("empty"), "5"));  // the server would answer after 5 s
      ADD_FAILURE() << "no exception";
    } catch (const Unavailable& e) {
      EXPECT_NE(std::string(e.what()).find("BLPOP timed out after 300 ms"), std::string::npos) << e.what();
    }
    EXPECT_GE(Clock::now() - start, milliseconds(290));
    EXPECT_LT(Clock::now() - start, milliseconds(1500));

    // The pool goes on, on a new connection; the timed-out one is closed, not reused.
    co_await redis.set(key("after"), "ok");
    EXPECT_EQ(co_await redis.get(key("after")), "ok");
    EXPECT_NE((co_await redis.command(args("CLIENT", "ID"))).as_integer(), first_id);
    co_await sleep_for(milliseconds(100));
    const auto listed = co_await observer.command(args("CLIENT", "LIST", "ID", std::to_string(first_id)));
    EXPECT_EQ(listed.as_string(), "") << "the timed-out connection is still open on the server";
  });
}

TEST_F(RedisPool, ServesManyCoroutinesOnTwoThreads) {
  Redis redis(io_.get_executor(), options(4));
  constexpr int coroutines = 300;
  std::atomic<int> done{0};
  run(
      [&]() -> Awaitable<void> {
        const auto executor = co_await asio::this_coro::executor;
        for (int i = 0; i < coroutines; ++i) {
          asio::co_spawn(
              executor,
              [&, i]() -> Awaitable<void> {
                const std::string mine = key("c" + std::to_string(i));
                const std::string value = "value " + std::to_string(i) + std::string(i, 'x');
                co_await redis.set(mine, value);
                EXPECT_EQ(co_await redis.get(mine), value);
                std::vector<std::vector<std::string>> commands{{"GET", mine}, {"INCR", key("counter")}};
                const auto replies = co_await redis.pipeline(std::move(commands));
                EXPECT_EQ(replies.at(0).as_string(), value);
                ++done;
              },
              [](std::exception_ptr e) {
                if (!e) return;
                try {
                  std::rethrow_exception(e);
                } catch (const std::exception& error) {
                  ADD_FAILURE() << error.what();
                }
              });
        }
        co_return;
      },
      2);
  EXPECT_EQ(done.load(), coroutines);
  run([&]() -> Awaitable<void> { EXPECT_EQ(co_await redis.get(key("counter")), std::to_string(coroutines)); });
}

TEST_F(RedisPool, AConnectionKilledMidCommandIsRetriedOnce) {
  Redis redis(io_.get_executor(), options(1));
  Redis killer(io_.get_executor(), options(1));
  run([&]() -> Awaitable<void> {
    for (const Retry retry : {Retry::once, Retry::never}) {
      const long long id = (co_await redis.command(args("CLIENT", "ID"))).as_integer();
      std::atomic<bool> finished{false};
      std::string failure;
      asio::co_spawn(
          co_await asio::this_coro::executor,
          [&]() -> Awaitable<void> {
            try {
              EXPECT_TRUE((co_await redis.command(args("BLPOP", key("empty"), "0.3"), retry)).is_nil());
            } catch (const Unavailable& e) {
              failure = e.what();
            }
            finished = true;
          },
          asio::detached);
      co_await sleep_for(milliseconds(100));
      EXPECT_EQ((co_await killer.command(args("CLIENT", "KILL", "ID", std::to_string(id)))).as_integer(), 1);
      while (!finished) co_await sleep_for(milliseconds(20));
      if (retry == Retry::once) {
        EXPECT_EQ(failure, "") << "the retry on a new connection should have answered";
      } else {
        EXPECT_NE(failure.find("connection lost during BLPOP"), std::string::npos) << failure;
      }
    }
  });
}

}  // namespace
