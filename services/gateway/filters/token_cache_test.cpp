#include "gateway/filters/token_cache.hpp"

#include <gtest/gtest.h>

#include "auth/test_support/token_factory.hpp"

namespace {

using namespace std::chrono_literals;
using dt::gateway::filters::TokenCache;
using dt::gateway::filters::TokenCacheOptions;
using Clock = TokenCache::Clock;

const dt::auth::testing::TokenFactory& tokens() {
  static const dt::auth::testing::TokenFactory factory("cache-test");
  return factory;
}

// A token issued at `issued` that expires `lifetime` later.
std::string token_at(Clock::time_point issued, std::chrono::seconds lifetime, const std::string& subject = "u1") {
  return tokens().sign(tokens().header(), tokens().claims(subject, {"learner"}, issued, lifetime));
}

dt::http::Principal principal(const std::string& subject) {
  dt::http::Principal p;
  p.subject = subject;
  p.roles = {"learner"};
  return p;
}

const Clock::time_point t0 = std::chrono::time_point_cast<std::chrono::seconds>(Clock::now());

TEST(TokenCache, ATokenIsRememberedUntilMaxAge) {
  TokenCache cache(TokenCacheOptions{.max_entries = 100, .max_age = 60s});
  const auto token = token_at(t0, 3600s);
  EXPECT_FALSE(cache.find(token, t0));
  cache.remember(token, principal("u1"), t0);
  ASSERT_TRUE(cache.find(token, t0 + 59s));
  EXPECT_EQ(cache.find(token, t0 + 59s)->subject, "u1");
  EXPECT_FALSE(cache.find(token, t0 + 60s));
  EXPECT_FALSE(cache.find(token_at(t0, 3600s, "u2"), t0));
}

TEST(TokenCache, NeverPastTheTokensExpiry) {
  TokenCache cache;
  const auto token = token_at(t0, 10s);
  cache.remember(token, principal("u1"), t0);
  EXPECT_TRUE(cache.find(token, t0 + 9s));
  EXPECT_FALSE(cache.find(token, t0 + 10s));
  const auto expired = token_at(t0 - 100s, 10s);
  cache.remember(expired, principal("u1"), t0);
  EXPECT_FALSE(cache.find(expired, t0));
}

TEST(TokenCache, WhatHasNoReadableExpiryIsNotRemembered) {
  TokenCache cache;
  auto claims = tokens().claims("u1", {"learner"});
  claims.erase("exp");
  const auto no_exp = tokens().sign(tokens().header(), claims);
  cache.remember(no_exp, principal("u1"), t0);
  EXPECT_FALSE(cache.find(no_exp, t0));
  cache.remember("not-a-token", principal("u1"), t0);
  EXPECT_FALSE(cache.find("not-a-token", t0));
  EXPECT_FALSE(dt::gateway::filters::token_expiry("a.b.c"));
  EXPECT_EQ(dt::gateway::filters::token_expiry(token_at(t0, 5s)), t0 + 5s);
}

TEST(TokenCache, StaysBounded) {
  TokenCache cache(TokenCacheOptions{.max_entries = 16, .max_age = 60s});
  std::vector<std::string> all;
  for (int i = 0; i < 200; ++i) {
    all.push_back(token_at(t0, 3600s, "u" + std::to_string(i)));
    cache.remember(all.back(), principal("u"), t0);
  }
  int kept = 0;
  for (const auto& token : all) kept += cache.find(token, t0).has_value();
  EXPECT_LE(kept, 16);
  EXPECT_GT(kept, 0);
}

}  // namespace
