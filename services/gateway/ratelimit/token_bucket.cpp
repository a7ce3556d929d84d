#include "gateway/ratelimit/token_bucket.hpp"

#include <algorithm>
#include <cstdio>

namespace dt::gateway::ratelimit {
namespace {

constexpr const char* kSource = R"lua(
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local want = tonumber(ARGV[#ARGV])
local granted = want
local wait = 0
local tokens = {}
for i, key in ipairs(KEYS) do
  local rate = tonumber(ARGV[2 * i - 1]) / 1000
  local burst = tonumber(ARGV[2 * i])
  local state = redis.call('HMGET', key, 'tokens', 'ts')
  local have = tonumber(state[1]) or burst
  local since = tonumber(state[2]) or now
  if now > since then have = math.min(burst, have + (now - since) * rate) end
  tokens[i] = have
  granted = math.min(granted, math.floor(have))
  if have < 1 then wait = math.max(wait, math.ceil((1 - have) / rate)) end
end
if granted < 1 then granted = 0 end
for i, key in ipairs(KEYS) do
  local rate = tonumber(ARGV[2 * i - 1]) / 1000
  local burst = tonumber(ARGV[2 * i])
  local left = tokens[i] - granted
  redis.call('HSET', key, 'tokens', tostring(left), 'ts', tostring(now))
  redis.call('PEXPIRE', key, math.ceil((burst - left) / rate) + 1000)
end
return {granted, wait}
)lua";

}  // namespace

const cache::Script& token_bucket_script() {
  static const cache::Script script(kSource);
  return script;
}

std::vector<std::string> script_arguments(const std::vector<Bucket>& buckets, std::int64_t want) {
  std::vector<std::string> args;
  args.reserve(buckets.size() * 2 + 1);
  for (const auto& bucket : buckets) {
    char rate[64];
    std::snprintf(rate, sizeof rate, "%.9g", bucket.limit.rate_per_second);
    args.emplace_back(rate);
    args.push_back(std::to_string(bucket.limit.burst));
  }
  args.push_back(std::to_string(want));
  return args;
}

std::int64_t lease_size(const std::vector<Bucket>& buckets, std::int64_t max_lease) {
  std::int64_t lease = max_lease;
  for (const auto& bucket : buckets) lease = std::min(lease, bucket.limit.burst / kLeaseFraction);
  return std::max<std::int64_t>(1, lease);
}

BucketDecision read_decision(const cache::Reply& reply) {
  const auto& items = reply.as_array();
  if (items.size() != 2) throw cache::Error("rate limit script: expected {granted, retry_after_ms}");
  BucketDecision decision;
  decision.granted = std::max<std::int64_t>(0, items[0].as_integer());
  decision.allowed = decision.granted > 0;
  decision.retry_after = std::chrono::milliseconds(decision.allowed ? 0 : std::max(1LL, items[1].as_integer()));
  return decision;
}

}  // namespace dt::gateway::ratelimit
