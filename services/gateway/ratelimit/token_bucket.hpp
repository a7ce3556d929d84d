#pragma once
// The token buckets of the rate limiter, kept in Redis and updated by one Lua script per request, atomically for
// all of the request's buckets (per IP and per user): every bucket is refilled for the time passed (Redis's own
// clock, so gateways agree), and the request takes one token from each only when each has one. Otherwise it
// takes nothing and learns how long until the emptiest bucket has a token again. A bucket is a hash
// {tokens, ts} that expires once it would be full anyway.
#include <chrono>
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
  std::chrono::milliseconds retry_after{0};  // when refused: until a token is back in every bucket
};

const cache::Script& token_bucket_script();
// ARGV for the buckets, in their order (rate per second and burst of each); KEYS are their keys.
std::vector<std::string> script_arguments(const std::vector<Bucket>& buckets);
// Reads the script's reply {allowed 0|1, retry_after_ms}; throws cache::Error for anything else.
BucketDecision read_decision(const cache::Reply& reply);

}  // namespace dt::gateway::ratelimit
