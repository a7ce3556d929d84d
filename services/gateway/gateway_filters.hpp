#pragma once
// The gateway's filter chain, in order, in one place:
//   CorsFilter        CORS headers on the answer (problems included) for routes with a policy
//   BodyLimitFilter   413 over the route's max_request_bytes
//   AuthFilter        token verified at the edge, the route's auth requirement (401/403)
//   RateLimitFilter   token buckets per IP and per user (429 with Retry-After)
//   ProxyFilter       to an instance of the service: balancing, ejection, retry, timeouts (502/503/504)
// Cheap checks come first, so a request that will be refused costs no signature check or Redis call; rate
// limiting follows authentication because its per-user bucket needs the verified user.
#include <memory>

#include "auth/authenticator.hpp"
#include "gateway/filters/filter.hpp"
#include "gateway/proxy/upstream_pool.hpp"
#include "gateway/ratelimit/rate_limiter.hpp"
#include "gateway/upstream/cluster_manager.hpp"
#include "metrics/registry.hpp"

namespace dt::gateway {

struct FilterDependencies {
  std::shared_ptr<const auth::Authenticator> authenticator;
  ratelimit::RateLimiter& limiter;
  upstream::ClusterManager& clusters;
  proxy::UpstreamPools& pools;
  metrics::Registry& metrics;
};

std::unique_ptr<filters::FilterChain> gateway_filters(const FilterDependencies& dependencies);

}  // namespace dt::gateway
