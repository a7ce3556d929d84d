#pragma once
// Backoff: the waits between retries while the registry is unreachable: first, 2 x first, 4 x first ... capped
// at max; reset() after a success starts again from first.
#include <algorithm>
#include <chrono>

namespace dt::registry::detail {

class Backoff {
 public:
  Backoff(std::chrono::milliseconds first, std::chrono::milliseconds max) : first_(first), max_(std::max(first, max)) {}

  std::chrono::milliseconds next() {
    const auto wait = next_.count() == 0 ? first_ : next_;
    next_ = std::min(wait * 2, max_);
    ++failures_;
    return wait;
  }

  void reset() {
    next_ = std::chrono::milliseconds(0);
    failures_ = 0;
  }

  // Failures since the last reset().
  int failures() const { return failures_; }

 private:
  std::chrono::milliseconds first_;
  std::chrono::milliseconds max_;
  std::chrono::milliseconds next_{0};
  int failures_ = 0;
};

}  // namespace dt::registry::detail
