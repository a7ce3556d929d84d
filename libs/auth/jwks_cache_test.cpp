// JwksCache against a real local HTTP server (JwksServer): lazy fetch, single flight, refresh on an unknown kid
// at most once per interval, rotation, max age, outages. Time is a fake steady clock moved by the tests.
#include "auth/jwks_cache.hpp"

#include <gtest/gtest.h>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>

#include <atomic>
#include <thread>

#include "async/test_support/run_blocking.hpp"
#include "auth/test_support/jwks_server.hpp"
#include "auth/test_support/token_factory.hpp"

namespace {

using namespace dt::auth;
using dt::Awaitable;
using dt::auth::testing::jwks_of;
using dt::auth::testing::JwksServer;
using dt::auth::testing::TokenFactory;
using std::chrono::seconds;

const TokenFactory& key1() {
  static const TokenFactory f("k1");
  return f;
}
const TokenFactory& key2() {
  static const TokenFactory f("k2");
  return f;
}

class JwksCacheTest : public ::testing::Test {
 protected:
  JwksCacheTest() : server_(key1().jwks()) {}

  JwksOptions options() const {
    JwksOptions o;
    o.jwks_url = server_.url();
    o.min_refresh_interval = seconds(10);
    o.max_age = seconds(3600);
    o.fetch_timeout = std::chrono::milliseconds(2000);
    return o;
  }

  JwksCache make_cache(JwksOptions o) {
    return JwksCache(io_.get_executor(), client_, std::move(o), [this] { return start_ + elapsed_.load(); });
  }

  void advance(std::chrono::steady_clock::duration d) { elapsed_ = elapsed_.load() + d; }

  std::shared_ptr<const KeySet> keys_for(JwksCache& cache, const std::string& kid) {
    std::shared_ptr<const KeySet> out;
    dt::async::testing::run_blocking(io_, [&]() -> Awaitable<void> { out = co_await cache.keys_for(kid); });
    return out;
  }

  // Runs task(0) .. task(n-1) at once on `threads` threads; returns how many threw JwksUnavailable.
  int run_concurrently(int n, const std::function<Awaitable<void>(int)>& task, unsigned threads = 4) {
    std::atomic<int> unavailable{0};
    std::atomic<int> other_failures{0};
    io_.restart();
    for (int i = 0; i < n; ++i) {
      boost::asio::co_spawn(io_, task(i), [&](std::exception_ptr e) {
        if (!e) return;
        try {
          std::rethrow_exception(e);
        } catch (const JwksUnavailable&) {
          ++unavailable;
        } catch (...) {
          ++other_failures;
        }
      });
    }
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < threads; ++t) pool.emplace_back([this] { io_.run(); });
    io_.run();
    for (auto& t : pool) t.join();
    EXPECT_EQ(other_failures.load(), 0);
    return unavailable.load();
  }

  JwksServer server_;
  boost::asio::io_context io_;
  dt::http::HttpClient client_{io_.get_executor()};
  const std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
  std::atomic<std::chrono::steady_clock::duration> elapsed_{std::chrono::steady_clock::duration::zero()};
};

TEST_F(JwksCacheTest, FetchesLazilyThenOnceForManyLookups) {
  auto cache = make_cache(options());
  EXPECT_EQ(server_.fetches(), 0);
  for (int i = 0; i < 50; ++i) {
    const auto keys = keys_for(cache, "k1");
    ASSERT_NE(keys->find("k1"), nullptr);
    advance(seconds(30));
  }
  EXPECT_EQ(server_.fetches(), 1);
}

TEST_F(JwksCacheTest, ConcurrentFirstCallersShareOneFetch) {
  server_.set_delay(std::chrono::milliseconds(100));
  auto cache = make_cache(options());
  std::atomic<int> found{0};
  const int unavailable = run_concurrently(64, [&](int) -> Awaitable<void> {
    const auto keys = co_await cache.keys_for("k1");
    if (keys->find("k1")) ++found;
  });
  EXPECT_EQ(unavailable, 0);
  EXPECT_EQ(found.load(), 64);
  EXPECT_EQ(server_.fetches(), 1);
}

TEST_F(JwksCacheTest, AnUnknownKidWithinTheIntervalFetchesNothing) {
  auto cache = make_cache(options());
  keys_for(cache, "k1");
  advance(seconds(9));
  const auto keys = keys_for(cache, "k2");
  EXPECT_EQ(keys->find("k2"), nullptr);
  EXPECT_NE(keys->find("k1"), nullptr);
  EXPECT_EQ(server_.fetches(), 1);
}

TEST_F(JwksCacheTest, AnUnknownKidTriggersOneRefetch) {
  auto cache = make_cache(options());
  keys_for(cache, "k1");
  server_.set_document(jwks_of({key1().jwk(), key2().jwk()}));
  advance(seconds(11));
  const auto keys = keys_for(cache, "k2");
  EXPECT_NE(keys->find("k2"), nullptr);
  EXPECT_EQ(server_.fetches(), 2);
  keys_for(cache, "k2");
  keys_for(cache, "k1");
  EXPECT_EQ(server_.fetches(), 2);
}

TEST_F(JwksCacheTest, AFloodOfUnknownKidsFetchesAtMostOncePerInterval) {
  server_.set_delay(std::chrono::milliseconds(50));
  auto cache = make_cache(options());
  keys_for(cache, "k1");
  advance(seconds(11));
  std::atomic<int> answered{0};
  const int unavailable = run_concurrently(300, [&](int i) -> Awaitable<void> {
    const auto keys = co_await cache.keys_for("forged-" + std::to_string(i));
    if (keys && keys->find("k1")) ++answered;
  });
  EXPECT_EQ(unavailable, 0);
  EXPECT_EQ(answered.load(), 300);
  EXPECT_EQ(server_.fetches(), 2);
  for (int i = 0; i < 100; ++i) keys_for(cache, "again-" + std::to_string(i));
  EXPECT_EQ(server_.fetches(), 2);
}

TEST_F(JwksCacheTest, PicksUpARotatedKey) {
  auto cache = make_cache(options());
  keys_for(cache, "k1");
  server_.set_document(key2().jwks());
  advance(seconds(11));
  const auto keys = keys_for(cache, "k2");
  EXPECT_NE(keys->find("k2"), nullptr);
  EXPECT_EQ(keys->find("k1"), nullptr);
}

TEST_F(JwksCacheTest, RefetchesASetOlderThanMaxAge) {
  auto o = options();
  o.max_age = seconds(60);
  auto cache = make_cache(o);
  keys_for(cache, "k1");
  advance(seconds(59));
  keys_for(cache, "k1");
  EXPECT_EQ(server_.fetches(), 1);
  advance(seconds(2));
  keys_for(cache, "k1");
  EXPECT_EQ(server_.fetches(), 2);
}

TEST_F(JwksCacheTest, AnUnreachableServerIsJwksUnavailable) {
  auto o = options();
  o.jwks_url = dt::auth::testing::unreachable_url();
  auto cache = make_cache(o);
  EXPECT_THROW(keys_for(cache, "k1"), JwksUnavailable);
  EXPECT_THROW(keys_for(cache, "k1"), JwksUnavailable);  // within the interval: the last failure, no new attempt
}

TEST_F(JwksCacheTest, AServerThatStopsAnsweringIsJwksUnavailableForNewKids) {
  auto o = options();
  o.fetch_timeout = std::chrono::milliseconds(300);
  auto cache = make_cache(o);
  keys_for(cache, "k1");
  server_.stop();
  advance(seconds(11));
  EXPECT_THROW(keys_for(cache, "k2"), JwksUnavailable);
  EXPECT_NE(keys_for(cache, "k1")->find("k1"), nullptr);
}

TEST_F(JwksCacheTest, AnErrorStatusOrGarbageIsJwksUnavailable) {
  server_.set_status(500);
  auto cache = make_cache(options());
  EXPECT_THROW(keys_for(cache, "k1"), JwksUnavailable);
  server_.set_status(200);
  server_.set_document("<html>maintenance</html>");
  advance(seconds(11));
  EXPECT_THROW(keys_for(cache, "k1"), JwksUnavailable);
  EXPECT_EQ(server_.fetches(), 2);
}

TEST_F(JwksCacheTest, RecoversWhenTheServerComesBack) {
  server_.set_status(503);
  auto cache = make_cache(options());
  EXPECT_THROW(keys_for(cache, "k1"), JwksUnavailable);
  server_.set_status(200);
  advance(seconds(5));
  EXPECT_THROW(keys_for(cache, "k1"), JwksUnavailable);  // rate-limited: not asked again yet
  advance(seconds(6));
  EXPECT_NE(keys_for(cache, "k1")->find("k1"), nullptr);
  EXPECT_EQ(server_.fetches(), 2);
}

TEST_F(JwksCacheTest, AFailedRefreshKeepsServingKnownKeys) {
  auto o = options();
  o.max_age = seconds(60);
  auto cache = make_cache(o);
  keys_for(cache, "k1");
  server_.set_status(500);
  advance(seconds(61));
  EXPECT_NE(keys_for(cache, "k1")->find("k1"), nullptr);
  EXPECT_EQ(server_.fetches(), 2);
  EXPECT_THROW(keys_for(cache, "k9"), JwksUnavailable);  // cannot tell whether k9 exists
}

TEST_F(JwksCacheTest, ConcurrentWaitersAllSeeAFailure) {
  server_.set_status(500);
  server_.set_delay(std::chrono::milliseconds(100));
  auto cache = make_cache(options());
  const int unavailable = run_concurrently(20, [&](int) -> Awaitable<void> { co_await cache.keys_for("k1"); });
  EXPECT_EQ(unavailable, 20);
  EXPECT_EQ(server_.fetches(), 1);
}

}  // namespace
