#include "gateway/ratelimit/rate_limiter.hpp"

#include "gateway/ratelimit/token_bucket.hpp"
#include "log/log.hpp"

namespace dt::gateway::ratelimit {

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
  std::vector<std::string> keys;
  keys.reserve(buckets.size());
  for (const auto& bucket : buckets) keys.push_back(bucket.key);
  std::vector<std::string> args = script_arguments(buckets);
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
    allowed_->inc();
    co_return RateDecision{};
  }
  limited_->inc();
  co_return RateDecision{.allowed = false,
                         .retry_after_seconds = static_cast<int>((decision.retry_after.count() + 999) / 1000)};
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
