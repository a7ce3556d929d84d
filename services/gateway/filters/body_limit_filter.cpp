#include "gateway/filters/body_limit_filter.hpp"

#include "errors/problem.hpp"

namespace dt::gateway::filters {

Awaitable<http::Response> BodyLimitFilter::handle(Exchange& exchange, FilterNext next) const {
  const auto limit = exchange.route.config.max_request_bytes;
  if (exchange.request.body.size() > limit) {
    throw Problem::payload_too_large("the request body is larger than this route accepts (" + std::to_string(limit) +
                                     " bytes)");
  }
  co_return co_await next(exchange);
}

}  // namespace dt::gateway::filters
