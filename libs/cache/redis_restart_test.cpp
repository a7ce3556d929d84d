// dt::cache::Redis while the real Redis restarts or is down. These tests stop the shared Redis of
// infra/redis.sh: do not run them alongside other tests that need Redis.
#include <string>

#include "cache/redis_test_support.hpp"
#include "testing/infra_script.hpp"

namespace {

using dt::testing::infra_script;
using dt::testing::StartAgain;
namespace asio = boost::asio;
using dt::Awaitable;
using dt::cache::Redis;
using dt::cache::Retry;
using dt::cache::Unavailable;
using dt::cache::testing::args;
using dt::cache::testing::Clock;
using dt::cache::testing::milliseconds;
using dt::cache::testing::RedisTest;

using RedisRestart = RedisTest;

// Keeps `connections` connections busy at once so that the pool holds that many afterwards.
Awaitable<void> fill_pool(Redis& redis, int connections, std::string empty_key) {
  auto executor = co_await asio::this_coro::executor;
  int done = 0;
  for (int i = 0; i < connections; ++i) {
    asio::co_spawn(
        executor,
        [&]() -> Awaitable<void> {
          co_await redis.command(args("BLPOP", empty_key, "0.05"));
          ++done;
        },
        asio::detached);
  }
  while (done < connections) co_await dt::cache::testing::sleep_for(milliseconds(10));
}

TEST_F(RedisRestart, CommandsSucceedRightAfterARestart) {
  const StartAgain start_again("redis");
  Redis redis(io_.get_executor(), options(4));
  run([&]() -> Awaitable<void> {
    co_await redis.set(key("before"), "v");
    co_await fill_pool(redis, 4, key("empty"));
  });

  ASSERT_TRUE(infra_script("redis", "restart"));

  // Every pooled connection is dead now. The first commands after the restart must succeed anyway, even
  // those that may not be retried.
  run(
      [&]() -> Awaitable<void> {
        EXPECT_EQ(co_await redis.incr(key("counter"), Retry::never), 1);
        EXPECT_EQ(co_await redis.get(key("before")), std::nullopt);  // no persistence: a restart empties it
        co_await redis.set(key("after"), "v");
        co_await fill_pool(redis, 4, key("empty"));
        EXPECT_EQ(co_await redis.get(key("after")), "v");
        EXPECT_TRUE(co_await redis.ping());
      },
      2);
}

TEST_F(RedisRestart, ARedisDownIsUnavailableQuicklyAndComesBack) {
  const StartAgain start_again("redis");
  auto opts = options(2);
  opts.connect_timeout = milliseconds(500);
  Redis redis(io_.get_executor(), opts);
  run([&]() -> Awaitable<void> { co_await redis.set(key("k"), "v"); });

  ASSERT_TRUE(infra_script("redis", "stop"));
  run([&]() -> Awaitable<void> {
    for (int i = 0; i < 3; ++i) {
      const auto start = Clock::now();
      try {
        co_await redis.get(key("k"));
        ADD_FAILURE() << "no exception while Redis is stopped";
      } catch (const Unavailable& e) {
        EXPECT_NE(std::string(e.what()).find("cannot connect"), std::string::npos) << e.what();
      }
      EXPECT_LT(Clock::now() - start, milliseconds(700)) << "must fail within about the connect timeout";
    }
    EXPECT_FALSE(co_await redis.ping());
  });

  ASSERT_TRUE(infra_script("redis", "start"));
  run([&]() -> Awaitable<void> {
    co_await redis.set(key("k"), "again");
    EXPECT_EQ(co_await redis.get(key("k")), "again");
    EXPECT_TRUE(co_await redis.ping());
  });
}

}  // namespace
