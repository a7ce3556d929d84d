#include "http/middleware/http_metrics.hpp"

#include <chrono>
#include <map>
#include <mutex>

namespace dt::http {
namespace {

struct InFlight {
  explicit InFlight(std::atomic<std::int64_t>& g) : gauge(g) { gauge.fetch_add(1, std::memory_order_relaxed); }
  ~InFlight() { gauge.fetch_sub(1, std::memory_order_relaxed); }
  InFlight(const InFlight&) = delete;
  InFlight& operator=(const InFlight&) = delete;
  std::atomic<std::int64_t>& gauge;
};

}  // namespace

HttpMetrics::HttpMetrics(metrics::Registry& registry) {
  registry.add_collector([this](std::string& out) { render(out); });
}

HttpMetrics::RouteStats& HttpMetrics::stats_for(std::string_view route) {
  const std::string key = route.empty() ? std::string("unmatched") : std::string(route);
  {
    std::shared_lock lock(mutex_);
    if (auto it = routes_.find(key); it != routes_.end()) return *it->second;
  }
  std::unique_lock lock(mutex_);
  auto& slot = routes_[key];
  if (!slot) slot = std::make_unique<RouteStats>();
  return *slot;
}

Awaitable<Response> HttpMetrics::handle(Request& request, Next next) {
  InFlight in_flight(in_flight_);
  const auto start = std::chrono::steady_clock::now();
  Response response = co_await next(request);
  const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start;
  auto& stats = stats_for(request.route);
  const int status = (response.status >= 100 && response.status <= 599) ? response.status : 599;
  stats.by_status[static_cast<std::size_t>(status - 100)].fetch_add(1, std::memory_order_relaxed);
  stats.latency.observe(elapsed.count());
  co_return response;
}

void HttpMetrics::render(std::string& out) const {
  std::shared_lock lock(mutex_);
  const std::map<std::string, const RouteStats*> sorted = [&] {
    std::map<std::string, const RouteStats*> m;
    for (const auto& [k, v] : routes_) m.emplace(k, v.get());
    return m;
  }();
  out += "# HELP dt_http_requests_total HTTP requests by route and status\n# TYPE dt_http_requests_total counter\n";
  for (const auto& [route, stats] : sorted) {
    for (std::size_t i = 0; i < stats->by_status.size(); ++i) {
      const auto n = stats->by_status[i].load(std::memory_order_relaxed);
      if (n == 0) continue;
      out += metrics::series_name("dt_http_requests_total", {{"route", route}, {"status", std::to_string(i + 100)}});
      out += ' ' + std::to_string(n) + '\n';
    }
  }
  out +=
      "# HELP dt_http_request_duration_seconds HTTP request latency by route\n"
      "# TYPE dt_http_request_duration_seconds histogram\n";
  for (const auto& [route, stats] : sorted) {
    const auto labelled = metrics::series_name("x", {{"route", route}});
    stats->latency.render(out, "dt_http_request_duration_seconds", labelled.substr(2, labelled.size() - 3));
  }
  out += "# HELP dt_http_requests_in_flight HTTP requests being handled\n# TYPE dt_http_requests_in_flight gauge\n";
  out += "dt_http_requests_in_flight " + std::to_string(in_flight_.load(std::memory_order_relaxed)) + '\n';
}

}  // namespace dt::http
