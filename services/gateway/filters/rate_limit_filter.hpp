#pragma once
// RateLimitFilter: routes with a rate limit policy take a token per request from the client IP's bucket and, for
// a signed-in user, from the user's (ratelimit/rate_limiter.hpp). Out of tokens: 429 with Retry-After (seconds)
// and the request is not forwarded. Runs after authentication, so the user is known.
#include "gateway/filters/filter.hpp"
#include "gateway/ratelimit/rate_limiter.hpp"

namespace dt::gateway::filters {

class RateLimitFilter : public Filter {
 public:
  explicit RateLimitFilter(ratelimit::RateLimiter& limiter) : limiter_(limiter) {}
  Awaitable<http::Response> handle(Exchange& exchange, FilterNext next) const override;

 private:
  ratelimit::RateLimiter& limiter_;
};

}  // namespace dt::gateway::filters
