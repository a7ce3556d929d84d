#pragma once
// RateLimiter: checks a request against its route's policy (token buckets per client IP and per user, in Redis:
// token_bucket.hpp). Redis being down or slow never blocks traffic: the request is let through (fail open),
// counted in dt_gateway_rate_limit_total{outcome="fail_open"}, and a warning is logged at most once per
// warn_interval with how many requests went through unchecked. After a failure Redis is left alone for
// retry_after_failure (requests meanwhile fail open at once instead of each waiting for a timeout).
// Outcomes: allowed, limited, fail_open.
#include <atomic>
#include <chrono>
#include <string>
#include <string_view>

#include "async/awaitable.hpp"
#include "cache/redis.hpp"
#include "gateway/config/gateway_config.hpp"
#include "http/principal.hpp"
#include "metrics/registry.hpp"

namespace dt::gateway::ratelimit {

struct RateLimiterOptions {
  std::string key_prefix = "dt:gateway:rl:";  // then "<policy>:ip:<address>" or "<policy>:user:<subject>"
  std::chrono::milliseconds retry_after_failure{1000};
  std::chrono::milliseconds warn_interval{10000};
};

struct RateDecision {
  bool allowed = true;
  int retry_after_seconds = 0;  // when refused, rounded up
};

class RateLimiter {
 public:
  // redis must outlive the limiter.
  RateLimiter(cache::Redis& redis, RateLimiterOptions options, metrics::Registry& metrics);

  Awaitable<RateDecision> check(const config::RateLimitPolicy& policy, std::string_view client_ip,
                                const http::Principal* principal);

 private:
  using Clock = std::chrono::steady_clock;
  void failed_open(const char* reason, const std::string& error);

  cache::Redis& redis_;
  RateLimiterOptions options_;
  metrics::Counter* allowed_;
  metrics::Counter* limited_;
  metrics::Counter* fail_open_;
  std::atomic<Clock::rep> skip_until_{0};
  std::atomic<Clock::rep> next_warning_{0};
  std::atomic<std::uint64_t> unchecked_since_warning_{0};
};

}  // namespace dt::gateway::ratelimit
