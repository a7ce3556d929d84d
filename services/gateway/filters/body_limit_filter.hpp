#pragma once
// BodyLimitFilter: a request body larger than the route's max_request_bytes is answered 413 and never
// forwarded. (The server's DT_HTTP_BODY_LIMIT has already refused bodies over the gateway-wide cap while
// reading them; this is the tighter limit of each route.)
#include "gateway/filters/filter.hpp"

namespace dt::gateway::filters {

class BodyLimitFilter : public Filter {
 public:
  Awaitable<http::Response> handle(Exchange& exchange, FilterNext next) const override;
};

}  // namespace dt::gateway::filters
