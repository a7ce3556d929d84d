// The commands of dt::cache::Redis against the real Redis.
#include <string>

#include "cache/redis_test_support.hpp"

namespace {

using dt::Awaitable;
using dt::cache::Error;
using dt::cache::Redis;
using dt::cache::Reply;
using dt::cache::Script;
using dt::cache::testing::args;
using dt::cache::testing::milliseconds;
using dt::cache::testing::RedisTest;
using dt::cache::testing::sleep_for;
using namespace std::string_literals;

using RedisCommands = RedisTest;

TEST_F(RedisCommands, SetGetRoundTripsBinaryAndUtf8) {
  Redis redis(io_.get_executor(), options());
  const std::string binary_key = key("bin\0ary\xff"s);
  const std::string value = "nul\0inside\r\n\xff\xfe"s + "héllo ✓ 日本語 🚀";
  std::string big(1 << 20, '\0');  // 1 MiB: arrives in many reads
  for (std::size_t i = 0; i < big.size(); ++i) big[i] = static_cast<char>(i * 7919 % 251);
  run([&]() -> Awaitable<void> {
    co_await redis.set(binary_key, value);
    EXPECT_EQ(co_await redis.get(binary_key), value);
    co_await redis.set(key("big"), big);
    EXPECT_EQ(co_await redis.get(key("big")), big);
    co_await redis.set(key("empty"), "");
    EXPECT_EQ(co_await redis.get(key("empty")), "");
    EXPECT_EQ(co_await redis.get(key("missing")), std::nullopt);
  });
}

TEST_F(RedisCommands, ATtlExpiresTheKey) {
  Redis redis(io_.get_executor(), options());
  run([&]() -> Awaitable<void> {
    co_await redis.set(key("short"), "v", milliseconds(150));
    co_await redis.set(key("later"), "v");
    EXPECT_TRUE(co_await redis.expire(key("later"), milliseconds(150)));
    EXPECT_FALSE(co_await redis.expire(key("missing"), milliseconds(150)));
    const long long pttl = (co_await redis.command(args("PTTL", key("short")))).as_integer();
    EXPECT_GT(pttl, 0);
    EXPECT_LE(pttl, 150);
    EXPECT_EQ(co_await redis.get(key("short")), "v");
    co_await sleep_for(milliseconds(400));
    EXPECT_EQ(co_await redis.get(key("short")), std::nullopt);
    EXPECT_EQ(co_await redis.get(key("later")), std::nullopt);
  });
}

TEST_F(RedisCommands, DelIncrHashAndMget) {
  Redis redis(io_.get_executor(), options());
  run([&]() -> Awaitable<void> {
    EXPECT_EQ(co_await redis.incr(key("n")), 1);
    EXPECT_EQ(co_await redis.incrby(key("n"), 41), 42);
    EXPECT_EQ(co_await redis.incrby(key("n"), -50), -8);

    std::vector<std::pair<std::string, std::string>> fields{{"a", "1"}, {"b", "x\0y"s}};
    EXPECT_EQ(co_await redis.hset(key("h"), fields), 2);
    fields = {{"a", "2"}};
    EXPECT_EQ(co_await redis.hset(key("h"), fields), 0);
    EXPECT_EQ(co_await redis.hget(key("h"), "a"), "2");
    EXPECT_EQ(co_await redis.hget(key("h"), "zz"), std::nullopt);
    const std::map<std::string, std::string> all{{"a", "2"}, {"b", "x\0y"s}};
    EXPECT_EQ(co_await redis.hgetall(key("h")), all);
    EXPECT_TRUE((co_await redis.hgetall(key("nohash"))).empty());

    co_await redis.set(key("m1"), "one");
    const std::vector<std::optional<std::string>> values{"one", std::nullopt};
    EXPECT_EQ(co_await redis.mget(args(key("m1"), key("m2"))), values);
    EXPECT_EQ(co_await redis.del(args(key("m1"), key("m2"), key("n"))), 2);
    EXPECT_EQ(co_await redis.get(key("m1")), std::nullopt);
  });
}

TEST_F(RedisCommands, AnErrorReplyThrowsErrorAndKeepsTheConnection) {
  Redis redis(io_.get_executor(), options(1));
  run([&]() -> Awaitable<void> {
    const long long id = (co_await redis.command(args("CLIENT", "ID"))).as_integer();
    co_await redis.set(key("text"), "not a number");
    try {
      co_await redis.incr(key("text"));
      ADD_FAILURE() << "no exception";
    } catch (const dt::cache::Unavailable& e) {
      ADD_FAILURE() << "an error reply is not Unavailable: " << e.what();
    } catch (const Error& e) {
      EXPECT_EQ(std::string(e.what()), "redis INCR: ERR value is not an integer or out of range");
    }
    EXPECT_THROW(co_await redis.command(args("NOSUCHCOMMAND")), Error);
    EXPECT_EQ((co_await redis.command(args("CLIENT", "ID"))).as_integer(), id);
  });
}

TEST_F(RedisCommands, PipelineAnswersInOrderWithErrorsInPlace) {
  Redis redis(io_.get_executor(), options());
  run([&]() -> Awaitable<void> {
    std::vector<std::vector<std::string>> commands{{"SET", key("p"), "v"},
                                                   {"GET", key("p")},
                                                   {"INCR", key("p")},
                                                   {"GET", key("missing")},
                                                   {"HSET", key("ph"), "f", "1"}};
    const auto replies = co_await redis.pipeline(std::move(commands));
    EXPECT_EQ(replies.size(), 5u);
    if (replies.size() != 5) co_return;
    EXPECT_EQ(replies[0], Reply::status("OK"));
    EXPECT_EQ(replies[1], Reply::string("v"));
    EXPECT_TRUE(replies[2].is_error());
    EXPECT_TRUE(replies[3].is_nil());
    EXPECT_EQ(replies[4], Reply::integer(1));

    std::vector<std::vector<std::string>> many(2000, {"INCR", key("count")});
    const auto counts = co_await redis.pipeline(many);
    EXPECT_EQ(counts.size(), many.size());
    if (counts.size() != many.size()) co_return;
    for (std::size_t i = 0; i < counts.size(); ++i) EXPECT_EQ(counts[i].as_integer(), static_cast<long long>(i + 1));
    EXPECT_TRUE((co_await redis.pipeline({})).empty());
  });
}

TEST_F(RedisCommands, EvalRunsAScriptAndReloadsItAfterAFlush) {
  Redis redis(io_.get_executor(), options());
  const Script add("return redis.call('INCRBY', KEYS[1], ARGV[1])");
  const Script fails("return redis.error_reply('BUCKET empty')");
  run([&]() -> Awaitable<void> {
    // The script cache is empty (first use): EVALSHA answers NOSCRIPT, EVAL runs it.
    co_await redis.command(args("SCRIPT", "FLUSH"));
    EXPECT_EQ((co_await redis.eval(add, args(key("tokens")), args("5"))).as_integer(), 5);
    EXPECT_EQ((co_await redis.command(args("SCRIPT", "LOAD", add.source()))).as_string(), add.sha1());
    EXPECT_EQ((co_await redis.eval(add, args(key("tokens")), args("2"))).as_integer(), 7);
    try {
      co_await redis.eval(fails, {}, {});
      ADD_FAILURE() << "no exception";
    } catch (const Error& e) {
      EXPECT_NE(std::string(e.what()).find("BUCKET empty"), std::string::npos) << e.what();
    }
  });
}

TEST_F(RedisCommands, PublishAndPing) {
  Redis redis(io_.get_executor(), options());
  run([&]() -> Awaitable<void> {
    EXPECT_EQ(co_await redis.publish(key("channel"), "hello"), 0);
    EXPECT_TRUE(co_await redis.ping());
  });
}

}  // namespace
