#pragma once
// Registry: the metrics of one process, rendered in the Prometheus text format at /metrics.
// Counters and gauges are created once (by name and label values) and then updated without locks:
//
//   auto& failures = registry.counter("dt_rate_limit_fail_open_total", "Requests let through while Redis was down");
//   failures.inc();
//
// Parts that keep their own lock-free state (the HTTP metrics) add a collector that renders them.
#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

namespace dt::metrics {

class Counter {
 public:
  void inc(std::uint64_t n = 1) { value_.fetch_add(n, std::memory_order_relaxed); }
  std::uint64_t value() const { return value_.load(std::memory_order_relaxed); }

 private:
  std::atomic<std::uint64_t> value_{0};
};

class Gauge {
 public:
  void add(std::int64_t n) { value_.fetch_add(n, std::memory_order_relaxed); }
  void set(std::int64_t n) { value_.store(n, std::memory_order_relaxed); }
  std::int64_t value() const { return value_.load(std::memory_order_relaxed); }

 private:
  std::atomic<std::int64_t> value_{0};
};

using Labels = std::vector<std::pair<std::string, std::string>>;

// `name{k="v",...}` with label values escaped as the text format requires.
std::string series_name(const std::string& name, const Labels& labels);

class Registry {
 public:
  // Returns the same object for the same name and labels; references stay valid for the registry's life.
  Counter& counter(const std::string& name, const std::string& help, const Labels& labels = {});
  Gauge& gauge(const std::string& name, const std::string& help, const Labels& labels = {});

  using Collector = std::function<void(std::string& out)>;
  void add_collector(Collector collector);

  std::string render() const;

 private:
  template <class Metric>
  struct Family {
    std::string help;
    std::map<std::string, std::unique_ptr<Metric>> series;  // keyed by the full series name
  };

  mutable std::mutex mutex_;
  std::map<std::string, Family<Counter>> counters_;
  std::map<std::string, Family<Gauge>> gauges_;
  std::vector<Collector> collectors_;
};

}  // namespace dt::metrics
