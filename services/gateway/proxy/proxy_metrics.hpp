#pragma once
// The proxy's counters, by service: dt_gateway_upstream_requests_total{service,outcome} (outcome: response,
// connect_failed, timeout, protocol, body_too_large), dt_gateway_upstream_retries_total{service},
// dt_gateway_upstream_ejections_total{service}, dt_gateway_no_instance_total{service}. Looked up once per service
// and then updated without locks.
#include <map>
#include <memory>
#include <shared_mutex>
#include <string>

#include "http_client/client_error.hpp"
#include "metrics/registry.hpp"

namespace dt::gateway::proxy {

struct ServiceCounters {
  metrics::Counter* responses;
  metrics::Counter* connect_failed;
  metrics::Counter* timeouts;
  metrics::Counter* protocol_errors;
  metrics::Counter* too_large;
  metrics::Counter* retries;
  metrics::Counter* ejections;
  metrics::Counter* no_instance;

  metrics::Counter& failure(http::ClientError::Kind kind) const;
};

class ProxyMetrics {
 public:
  explicit ProxyMetrics(metrics::Registry& registry) : registry_(registry) {}
  const ServiceCounters& of(const std::string& service);

 private:
  metrics::Registry& registry_;
  std::shared_mutex mutex_;
  std::map<std::string, std::unique_ptr<ServiceCounters>, std::less<>> services_;
};

}  // namespace dt::gateway::proxy
