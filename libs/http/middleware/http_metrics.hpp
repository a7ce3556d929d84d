#pragma once
// HttpMetrics: requests by route and status, a latency histogram per route, and requests in flight.
// Rendered at /metrics as dt_http_requests_total, dt_http_request_duration_seconds, dt_http_requests_in_flight.
// The hot path takes only a shared lock and atomic increments.
#include <array>
#include <atomic>
#include <memory>
#include <shared_mutex>
#include <string>
#include <unordered_map>

#include "http/pipeline.hpp"
#include "metrics/histogram.hpp"
#include "metrics/registry.hpp"

namespace dt::http {

class HttpMetrics : public Middleware {
 public:
  explicit HttpMetrics(metrics::Registry& registry);
  Awaitable<Response> handle(Request& request, Next next) override;

 private:
  struct RouteStats {
    std::array<std::atomic<std::uint64_t>, 500> by_status{};  // index status - 100
    metrics::Histogram latency;
  };
  RouteStats& stats_for(std::string_view route);
  void render(std::string& out) const;

  mutable std::shared_mutex mutex_;
  std::unordered_map<std::string, std::unique_ptr<RouteStats>> routes_;
  std::atomic<std::int64_t> in_flight_{0};
};

}  // namespace dt::http
