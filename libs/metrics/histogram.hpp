#pragma once
// Lock-free Prometheus histogram: cumulative buckets rendered as <name>_bucket{le="..."}, plus _sum and _count.
#include <array>
#include <atomic>
#include <cstdint>
#include <string>
#include <string_view>

namespace dt::metrics {

class Histogram {
 public:
  // Upper bounds in seconds, tuned for request latencies from sub-millisecond to ten seconds.
  static constexpr std::array<double, 14> kBounds = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
                                                     0.1,    0.25,  0.5,    1,     2.5,  5,     10};

  void observe(double seconds);
  std::uint64_t count() const { return count_.load(std::memory_order_relaxed); }
  // Appends the sample lines; labels is the inside of {...} without braces (may be empty).
  void render(std::string& out, std::string_view name, std::string_view labels) const;

 private:
  std::array<std::atomic<std::uint64_t>, kBounds.size()> buckets_{};
  std::atomic<std::uint64_t> count_{0};
  std::atomic<std::uint64_t> sum_micros_{0};
};

}  // namespace dt::metrics
