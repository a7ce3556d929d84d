#include "gateway/proxy/proxy_metrics.hpp"

#include <mutex>

namespace dt::gateway::proxy {

metrics::Counter& ServiceCounters::failure(http::ClientError::Kind kind) const {
  switch (kind) {
    case http::ClientError::Kind::connect_failed:
      return *connect_failed;
    case http::ClientError::Kind::timeout:
      return *timeouts;
    case http::ClientError::Kind::protocol:
      return *protocol_errors;
    case http::ClientError::Kind::body_too_large:
      return *too_large;
  }
  return *protocol_errors;
}

const ServiceCounters& ProxyMetrics::of(const std::string& service) {
  {
    std::shared_lock lock(mutex_);
    if (const auto it = services_.find(service); it != services_.end()) return *it->second;
  }
  std::unique_lock lock(mutex_);
  auto& slot = services_[service];
  if (slot) return *slot;
  const std::string requests = "dt_gateway_upstream_requests_total";
  const std::string requests_help = "Requests sent to services, by how they ended";
  const auto outcome = [&](const char* name) {
    return &registry_.counter(requests, requests_help, {{"service", service}, {"outcome", name}});
  };
  slot = std::make_unique<ServiceCounters>(ServiceCounters{
      .responses = outcome("response"),
      .connect_failed = outcome("connect_failed"),
      .timeouts = outcome("timeout"),
      .protocol_errors = outcome("protocol"),
      .too_large = outcome("body_too_large"),
      .retries = &registry_.counter("dt_gateway_upstream_retries_total",
                                    "Idempotent requests sent again to another instance", {{"service", service}}),
      .ejections = &registry_.counter("dt_gateway_upstream_ejections_total",
                                      "Instances ejected after consecutive failures", {{"service", service}}),
      .no_instance =
          &registry_.counter("dt_gateway_no_instance_total", "Requests answered 503 because no instance was registered",
                             {{"service", service}}),
  });
  return *slot;
}

}  // namespace dt::gateway::proxy
