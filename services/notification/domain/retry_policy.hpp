#pragma once
// When to try an e-mail again after the SMTP server failed: exponential backoff with jitter, then give up.
// The delay after the n-th failed attempt is d = min(max_delay, base_delay * 2^(n-1)), of which half is fixed
// and half random ("equal jitter"): never sooner than d/2, so a server that is down is not hammered, and spread
// over [d/2, d) so that mails that failed together do not all come back together.
#include <chrono>
#include <optional>

namespace dt::notification::domain {

struct RetryPolicy {
  int max_attempts = 8;  // attempts in all, the first included
  std::chrono::milliseconds base_delay{1000};
  std::chrono::milliseconds max_delay{std::chrono::minutes(5)};
};

// After `failed_attempts` (>= 1) attempts failed: the delay before the next one, or nullopt when that was the
// last attempt allowed. `random` is in [0, 1).
std::optional<std::chrono::milliseconds> retry_delay(const RetryPolicy& policy, int failed_attempts, double random);

}  // namespace dt::notification::domain
