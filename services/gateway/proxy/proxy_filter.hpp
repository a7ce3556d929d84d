#pragma once
// ProxyFilter: the last filter. Sends the request to an instance of the route's service and returns its
// response, whatever its status.
//   - The instance: the service's Cluster picks it (load balancing, outlier ejection: upstream/).
//   - The request: same method and body, the downstream target (route template or the path unchanged, plus the
//     query), the headers of forwarded_headers.hpp, Content-Length framing, the route's timeout; sent on the
//     thread's keep-alive pool
//     (upstream_pool.hpp).
//   - No instance registered: 503. Connect refused or failed: 503. No response within the route's timeout: 504.
//     Connection broken before the whole response, or a response over the route's max_response_bytes: 502.
//   - Each request that got no response counts as a failure of its instance (outlier_detector.hpp); any response
//     is a success.
//   - An idempotent request (Route::idempotent) whose instance could not be reached or broke the connection is
//     sent once more, to another instance. A timeout is not retried (the route's time is spent), and a
//     non-idempotent request never is: it may have been processed.
#include "gateway/filters/filter.hpp"
#include "gateway/proxy/proxy_metrics.hpp"
#include "gateway/proxy/upstream_pool.hpp"
#include "gateway/upstream/cluster_manager.hpp"

namespace dt::gateway::proxy {

class ProxyFilter : public filters::Filter {
 public:
  // All three must outlive the filter.
  ProxyFilter(upstream::ClusterManager& clusters, UpstreamPools& pools, metrics::Registry& metrics);
  Awaitable<http::Response> handle(filters::Exchange& exchange, filters::FilterNext next) const override;

 private:
  upstream::ClusterManager& clusters_;
  UpstreamPools& pools_;
  mutable ProxyMetrics metrics_;
};

}  // namespace dt::gateway::proxy
