#include "gateway/ratelimit/rate_limiter.hpp"

#include "gateway/ratelimit/token_bucket.hpp"
#include "log/log.hpp"

namespace dt::gateway::ratelimit {
namespace {

// Leases kept at most; past it, expired ones are dropped, and if that is not enough, all (they are only a saving).
constexpr std::size_t kMaxLeases = 4096;

}  // namespace

RateLimiter::RateLimiter(cache::Redis& redis, RateLimiterOptions options, metrics::Registry& metrics)
    : redis_(redis), options_(std::move(options)) {
  const std::string name = "dt_gateway_rate_limit_total";
  const std::string help = "Rate-limited requests by decision (fail_open: let through while Redis was unavailable)";
  allowed_ = &metrics.counter(name, help, {{"outcome", "allowed"}});
  limited_ = &metrics.counter(name, help, {{"outcome", "limited"}});
  fail_open_ = &metrics.counter(name, help, {{"outcome", "fail_open"}});
}

Awaitable<RateDecision> RateLimiter::check(const config::RateLimitPolicy& policy, std::string_view client_ip,
                                           const http::Principal* principal) {
  std::vector<Bucket> buckets;
  const std::string base = options_.key_prefix + policy.name;
  if (policy.per_ip) buckets.push_back({base + ":ip:" + std::string(client_ip), *policy.per_ip});
  if (policy.per_user && principal) buckets.push_back({base + ":user:" + principal->subject, *policy.per_user});
  if (buckets.empty()) co_return RateDecision{};

  if (Clock::now().time_since_epoch().count() < skip_until_.load(std::memory_order_relaxed)) {
    failed_open("redis recently unavailable", "");
    co_return RateDecision{};
  }
  const std::int64_t lease = lease_size(buckets, options_.max_lease);
  std::string lease_key;
  if (lease > 1) {
    for (const auto& bucket : buckets) (lease_key += bucket.key) += '\n';
    if (take_leased(lease_key, Clock::now())) {
      allowed_->inc();
      co_return RateDecision{};
    }
  }
  std::vector<std::string> keys;
  keys.reserve(buckets.size());
  for (const auto& bucket : buckets) keys.push_back(bucket.key);
  std::vector<std::string> args = script_arguments(buckets, lease);
  BucketDecision decision;
  std::string error;
  const char* reason = nullptr;
  try {
    const cache::Reply reply = co_await redis_.eval(token_bucket_script(), std::move(keys), std::move(args));
    decision = read_decision(reply);
  } catch (const cache::Unavailable& e) {
    reason = "redis unavailable";
    error = e.what();
  } catch (const cache::Error& e) {
    reason = "rate limit script failed";
    error = e.what();
  }
  if (reason) {
    skip_until_.store((Clock::now() + options_.retry_after_failure).time_since_epoch().count());
    failed_open(reason, error);
    co_return RateDecision{};
  }
  if (decision.allowed) {
    if (decision.granted > 1) keep_lease(lease_key, decision.granted - 1, Clock::now());
    allowed_->inc();
    co_return RateDecision{};
  }
  limited_->inc();
  co_return RateDecision{.allowed = false,
                         .retry_after_seconds = static_cast<int>((decision.retry_after.count() + 999) / 1000)};
}

bool RateLimiter::take_leased(const std::string& key, Clock::time_point now) {
  const std::lock_guard lock(leases_mutex_);
  const auto it = leases_.find(key);
  if (it == leases_.end()) return false;
  if (it->second.expires <= now || it->second.tokens <= 0) {
    leases_.erase(it);
    return false;
  }
  if (--it->second.tokens == 0) leases_.erase(it);
  return true;
}

void RateLimiter::keep_lease(const std::string& key, std::int64_t tokens, Clock::time_point now) {
  const std::lock_guard lock(leases_mutex_);
  if (leases_.size() >= kMaxLeases) {
    std::erase_if(leases_, [now](const auto& entry) { return entry.second.expires <= now; });
    if (leases_.size() >= kMaxLeases) leases_.clear();
  }
  auto& held = leases_[key];
  if (held.expires <= now) held.tokens = 0;
  held.tokens += tokens;
  held.expires = now + options_.lease_ttl;
}

void RateLimiter::failed_open(const char* reason, const std::string& error) {
  fail_open_->inc();
  const auto unchecked = unchecked_since_warning_.fetch_add(1) + 1;
  const auto now = Clock::now().time_since_epoch().count();
  auto due = next_warning_.load();
  if (now < due) return;
  if (!next_warning_.compare_exchange_strong(
          due, now + std::chrono::duration_cast<Clock::duration>(options_.warn_interval).count())) {
    return;
  }
  unchecked_since_warning_.fetch_sub(unchecked);
  log::warn("rate limiting skipped: requests let through unchecked",
            {{"reason", reason}, {"error", error}, {"unchecked_requests", static_cast<long long>(unchecked)}});
}

}  // namespace dt::gateway::ratelimit
