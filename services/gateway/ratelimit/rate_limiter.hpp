#pragma once
// RateLimiter: checks a request against its route's policy (token buckets per client IP and per user, in Redis:
// token_bucket.hpp). Redis being down or slow never blocks traffic: the request is let through (fail open),
// counted in dt_gateway_rate_limit_total{outcome="fail_open"}, and a warning is logged at most once per
// warn_interval with how many requests went through unchecked. After a failure Redis is left alone for
// retry_after_failure (requests meanwhile fail open at once instead of each waiting for a timeout).
// Outcomes: allowed, limited, fail_open.
//
// Leases: for generous limits the gateway takes several tokens at once (token_bucket.hpp: a tenth of the
// smallest burst, at most max_lease) and admits the next requests of the same buckets from what it holds, for
// at most lease_ttl, without asking Redis. The limit still holds across gateways (the tokens are taken from the
// shared buckets first); what a lease does not use in time is lost, so a client at its limit may be refused up
// to a lease's worth of requests early. Small limits (burst under 20) take one token per request, as before.
#include <atomic>
#include <chrono>
#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

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
  std::int64_t max_lease = 16;  // 1: every request asks Redis
  std::chrono::milliseconds lease_ttl{1000};
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
  struct Lease {
    std::int64_t tokens = 0;
    Clock::time_point expires;
  };
  // A token from a lease held for these buckets, if there is one.
  bool take_leased(const std::string& key, Clock::time_point now);
  void keep_lease(const std::string& key, std::int64_t tokens, Clock::time_point now);
  void failed_open(const char* reason, const std::string& error);

  cache::Redis& redis_;
  RateLimiterOptions options_;
  metrics::Counter* allowed_;
  metrics::Counter* limited_;
  metrics::Counter* fail_open_;
  std::atomic<Clock::rep> skip_until_{0};
  std::atomic<Clock::rep> next_warning_{0};
  std::atomic<std::uint64_t> unchecked_since_warning_{0};
  std::mutex leases_mutex_;  // held for a map lookup only
  std::unordered_map<std::string, Lease> leases_;
};

}  // namespace dt::gateway::ratelimit
