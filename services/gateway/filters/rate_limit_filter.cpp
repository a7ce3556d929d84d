#include "gateway/filters/rate_limit_filter.hpp"

#include "errors/problem.hpp"

namespace dt::gateway::filters {

Awaitable<http::Response> RateLimitFilter::handle(Exchange& exchange, FilterNext next) const {
  const config::RateLimitPolicy* policy = exchange.route.rate_limit;
  if (!policy) co_return co_await next(exchange);
  const http::Request& request = exchange.request;
  const http::Principal* principal = request.principal ? &*request.principal : nullptr;
  const ratelimit::RateDecision decision = co_await limiter_.check(*policy, request.remote_ip, principal);
  if (!decision.allowed) {
    throw Problem::too_many_requests(
        "too many requests to this API; retry in " + std::to_string(decision.retry_after_seconds) + " s",
        decision.retry_after_seconds);
  }
  co_return co_await next(exchange);
}

}  // namespace dt::gateway::filters
