#include "notification/domain/retry_policy.hpp"

#include <algorithm>
#include <cstdint>

namespace dt::notification::domain {

std::optional<std::chrono::milliseconds> retry_delay(const RetryPolicy& policy, int failed_attempts, double random) {
  if (failed_attempts >= policy.max_attempts) return std::nullopt;
  const double cap = static_cast<double>(policy.max_delay.count());
  double delay = static_cast<double>(policy.base_delay.count());
  for (int i = 1; i < failed_attempts && delay < cap; ++i) delay *= 2;
  delay = std::min(delay, cap);
  const double jittered = delay / 2 + delay / 2 * std::clamp(random, 0.0, 1.0);
  return std::chrono::milliseconds(static_cast<std::int64_t>(jittered));
}

}  // namespace dt::notification::domain
