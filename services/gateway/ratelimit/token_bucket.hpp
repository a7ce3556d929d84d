#pragma once
// The token buckets of the rate limiter, kept in Redis and updated by one Lua script, atomically for all of a
// request's buckets (per IP and per user): every bucket is refilled for the time passed (Redis's own clock, so
// gateways agree), then the caller takes up to `want` whole tokens from each: as many as the emptiest bucket
// has, the same number from every bucket, or none at all (and learns how long until the emptiest bucket has a
// token again). Taking several at once is the gateway's lease (rate_limiter.hpp). A bucket is a hash
// {tokens, ts} that expires once it would be full anyway.
#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include "cache/reply.hpp"
#include "cache/script.hpp"
#include "gateway/config/gateway_config.hpp"

namespace dt::gateway::ratelimit {

struct Bucket {
  std::string key;
  config::BucketLimit limit;
};

struct BucketDecision {
  bool allowed = true;
  std::int64_t granted = 1;                  // tokens taken from every bucket (0 when refused)
  std::chrono::milliseconds retry_after{0};  // when refused: until a token is back in every bucket
};

const cache::Script& token_bucket_script();
// ARGV for the buckets, in their order (rate per second and burst of each), then `want`; KEYS are their keys.
std::vector<std::string> script_arguments(const std::vector<Bucket>& buckets, std::int64_t want);

// How many tokens a gateway takes at once for these buckets: a tenth of the smallest burst, at least 1 (small
// limits stay exact: every request asks Redis), at most max_lease.
inline constexpr std::int64_t kLeaseFraction = 10;
std::int64_t lease_size(const std::vector<Bucket>& buckets, std::int64_t max_lease);

// Reads the script's reply {granted, retry_after_ms}; throws cache::Error for anything else.
BucketDecision read_decision(const cache::Reply& reply);

}  // namespace dt::gateway::ratelimit
