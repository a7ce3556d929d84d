// The token buckets against the real Redis (DT_REDIS_URL), and failing open against a Redis nobody runs.
#include "gateway/ratelimit/rate_limiter.hpp"

#include <gtest/gtest.h>

#include <unistd.h>
#include <boost/asio/io_context.hpp>

#include <thread>

#include "async/test_support/run_blocking.hpp"
#include "gateway/ratelimit/token_bucket.hpp"
#include "gateway/test_support/gateway_harness.hpp"

namespace {

using dt::gateway::config::BucketLimit;
using dt::gateway::config::RateLimitPolicy;
using dt::gateway::ratelimit::RateDecision;
using dt::gateway::ratelimit::RateLimiter;
using dt::gateway::ratelimit::RateLimiterOptions;
using namespace std::chrono_literals;

RateLimitPolicy policy(std::optional<BucketLimit> per_ip, std::optional<BucketLimit> per_user) {
  static int n = 0;
  RateLimitPolicy p;
  p.name = "p" + std::to_string(::getpid()) + "-" + std::to_string(n++);
  p.per_ip = per_ip;
  p.per_user = per_user;
  return p;
}

class RateLimiterTest : public ::testing::Test {
 protected:
  explicit RateLimiterTest(std::string url = dt::gateway::testing::redis_url()) {
    dt::cache::RedisOptions options;
    options.url = url;
    options.command_timeout = 500ms;
    options.connect_timeout = 500ms;
    redis = std::make_unique<dt::cache::Redis>(io.get_executor(), options);
    RateLimiterOptions limiter_options;
    limiter_options.key_prefix = "dt:rltest:";
    limiter_options.retry_after_failure = 60s;
    limiter = std::make_unique<RateLimiter>(*redis, limiter_options, metrics);
  }

  RateDecision check(const RateLimitPolicy& p, const std::string& ip, const std::string& user = "") {
    dt::http::Principal principal;
    principal.subject = user;
    RateDecision decision;
    dt::async::testing::run_blocking(io, [&]() -> dt::Awaitable<void> {
      decision = co_await limiter->check(p, ip, user.empty() ? nullptr : &principal);
    });
    return decision;
  }

  boost::asio::io_context io;
  dt::metrics::Registry metrics;
  std::unique_ptr<dt::cache::Redis> redis;
  std::unique_ptr<RateLimiter> limiter;
};

TEST_F(RateLimiterTest, ABurstThenARefusalWithRetryAfter) {
  const auto p = policy(BucketLimit{.rate_per_second = 0.1, .burst = 3}, std::nullopt);
  for (int i = 0; i < 3; ++i) EXPECT_TRUE(check(p, "10.0.0.1").allowed) << i;
  const auto refused = check(p, "10.0.0.1");
  EXPECT_FALSE(refused.allowed);
  EXPECT_GE(refused.retry_after_seconds, 9);
  EXPECT_LE(refused.retry_after_seconds, 10);
  EXPECT_TRUE(check(p, "10.0.0.2").allowed) << "another address has its own bucket";
}

TEST_F(RateLimiterTest, ARefusedRequestTakesNoTokenFromItsOtherBucket) {
  const auto p =
      policy(BucketLimit{.rate_per_second = 0.01, .burst = 1}, BucketLimit{.rate_per_second = 0.01, .burst = 3});
  EXPECT_TRUE(check(p, "10.0.0.1", "u1").allowed);   // ip 0 left, user 2
  EXPECT_FALSE(check(p, "10.0.0.1", "u1").allowed);  // the ip bucket refuses: the user keeps 2
  EXPECT_TRUE(check(p, "10.0.0.2", "u1").allowed);
  EXPECT_TRUE(check(p, "10.0.0.3", "u1").allowed);
  EXPECT_FALSE(check(p, "10.0.0.4", "u1").allowed);  // now the user's bucket is empty
  EXPECT_TRUE(check(p, "10.0.0.5").allowed) << "anonymous requests have no user bucket";
}

TEST_F(RateLimiterTest, BucketsRefillOverTime) {
  const auto p = policy(BucketLimit{.rate_per_second = 20, .burst = 1}, std::nullopt);
  EXPECT_TRUE(check(p, "10.0.0.1").allowed);
  EXPECT_FALSE(check(p, "10.0.0.1").allowed);
  std::this_thread::sleep_for(120ms);
  EXPECT_TRUE(check(p, "10.0.0.1").allowed);
}

TEST_F(RateLimiterTest, AGenerousLimitIsLeasedAndStillNeverExceeded) {
  // burst 50: leases of 5 tokens; nearly no refill during the test.
  const auto p = policy(BucketLimit{.rate_per_second = 0.001, .burst = 50}, std::nullopt);
  int allowed = 0;
  for (int i = 0; i < 80; ++i) allowed += check(p, "10.0.0.1").allowed ? 1 : 0;
  EXPECT_EQ(allowed, 50) << "leases take whole tokens from the bucket: none more than it holds";
  EXPECT_FALSE(check(p, "10.0.0.1").allowed);
}

TEST_F(RateLimiterTest, RequestsServedFromALeaseDoNotAskRedis) {
  const auto p = policy(BucketLimit{.rate_per_second = 0.001, .burst = 100}, std::nullopt);  // leases of 10
  const std::string key = "dt:rltest:" + p.name + ":ip:10.0.0.1";
  EXPECT_TRUE(check(p, "10.0.0.1").allowed);
  const auto tokens = [&] {
    dt::cache::Reply reply;
    dt::async::testing::run_blocking(io, [&]() -> dt::Awaitable<void> {
      std::vector<std::string> argv{"HGET", key, "tokens"};
      reply = co_await redis->command(std::move(argv));
    });
    return std::stod(reply.as_string());
  };
  EXPECT_NEAR(tokens(), 90, 0.01) << "the first request took a lease of 10";
  for (int i = 0; i < 9; ++i) EXPECT_TRUE(check(p, "10.0.0.1").allowed);
  EXPECT_NEAR(tokens(), 90, 0.01) << "the next nine came from the lease";
  EXPECT_TRUE(check(p, "10.0.0.1").allowed);
  EXPECT_NEAR(tokens(), 80, 0.01) << "then a new lease";
}

TEST_F(RateLimiterTest, ALeaseIsForItsOwnBucketsOnly) {
  const auto p =
      policy(BucketLimit{.rate_per_second = 0.001, .burst = 100}, BucketLimit{.rate_per_second = 0.001, .burst = 2});
  // The user's burst of 2 keeps requests exact (lease 1): three requests of u1 from one address, the third refused.
  EXPECT_TRUE(check(p, "10.0.0.1", "u1").allowed);
  EXPECT_TRUE(check(p, "10.0.0.1", "u1").allowed);
  EXPECT_FALSE(check(p, "10.0.0.1", "u1").allowed);
  // Anonymous requests from that address use the address's bucket alone, leased.
  for (int i = 0; i < 20; ++i) EXPECT_TRUE(check(p, "10.0.0.1").allowed) << i;
}

TEST(LeaseSize, ATenthOfTheSmallestBurstBetweenOneAndTheMaximum) {
  using dt::gateway::ratelimit::Bucket;
  using dt::gateway::ratelimit::lease_size;
  const auto bucket = [](std::int64_t burst) {
    return Bucket{.key = "k", .limit = {.rate_per_second = 1, .burst = burst}};
  };
  EXPECT_EQ(lease_size({bucket(300)}, 16), 16);
  EXPECT_EQ(lease_size({bucket(300), bucket(150)}, 16), 15);
  EXPECT_EQ(lease_size({bucket(100)}, 16), 10);
  EXPECT_EQ(lease_size({bucket(19)}, 16), 1);
  EXPECT_EQ(lease_size({bucket(5)}, 16), 1);
  EXPECT_EQ(lease_size({bucket(300)}, 1), 1) << "a maximum of 1 turns leases off";
}

class RateLimiterWithoutRedis : public RateLimiterTest {
 protected:
  RateLimiterWithoutRedis()
      : RateLimiterTest("redis://127.0.0.1:" + std::to_string(dt::gateway::testing::unused_port())) {}
};

TEST_F(RateLimiterWithoutRedis, FailsOpenAndLeavesRedisAloneForAWhile) {
  const auto p = policy(BucketLimit{.rate_per_second = 0.01, .burst = 1}, std::nullopt);
  for (int i = 0; i < 5; ++i) EXPECT_TRUE(check(p, "10.0.0.1").allowed);
  const auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < 100; ++i) check(p, "10.0.0.1");
  EXPECT_LT(std::chrono::steady_clock::now() - start, 500ms) << "no connection attempt per request";
  EXPECT_NE(metrics.render().find("dt_gateway_rate_limit_total{outcome=\"fail_open\"} 105"), std::string::npos);
}

}  // namespace
