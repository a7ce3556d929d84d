#include "gateway/upstream/outlier_detector.hpp"

#include <algorithm>

namespace dt::gateway::upstream {

std::optional<std::chrono::milliseconds> record_failure(Host& host, const config::OutlierOptions& options,
                                                        Clock::time_point now) {
  std::lock_guard lock(host.mutex);
  if (!is_available(host, now)) return std::nullopt;
  const int failures = host.consecutive_failures.fetch_add(1) + 1;
  if (!host.probation.load() && failures < options.consecutive_failures) return std::nullopt;
  const int previous = std::min(host.ejections.load(), 20);
  const auto doubled = options.base_ejection * (std::int64_t{1} << previous);
  const auto duration = std::min<std::chrono::milliseconds>(doubled, options.max_ejection);
  host.ejected_until.store((now + duration).time_since_epoch().count());
  host.ejections.store(previous + 1);
  host.consecutive_failures.store(0);
  host.probation.store(true);
  return duration;
}

void record_success(Host& host) {
  if (host.consecutive_failures.load(std::memory_order_relaxed) == 0 &&
      !host.probation.load(std::memory_order_relaxed)) {
    return;
  }
  std::lock_guard lock(host.mutex);
  host.consecutive_failures.store(0);
  host.probation.store(false);
  host.ejections.store(0);
}

bool is_available(const Host& host, Clock::time_point now) {
  return now.time_since_epoch().count() >= host.ejected_until.load(std::memory_order_relaxed);
}

}  // namespace dt::gateway::upstream
