#pragma once
// Outlier detection (pure: the time is given), after Envoy's consecutive-failure ejection:
//   - a request that got no response (connect refused or timed out, connection reset, no response in time) is a
//     failure; any response, whatever its status, is a success;
//   - `consecutive_failures` in a row eject the host for base_ejection; it is re-admitted when that passes, on
//     probation: its first success clears the record, its first failure ejects it again for twice as long
//     (up to max_ejection);
//   - failures reported while a host is ejected (requests that were already in flight) change nothing.
#include <optional>

#include "gateway/config/gateway_config.hpp"
#include "gateway/upstream/host.hpp"

namespace dt::gateway::upstream {

// The ejection's length when this failure ejected the host, else nullopt.
std::optional<std::chrono::milliseconds> record_failure(Host& host, const config::OutlierOptions& options,
                                                        Clock::time_point now);
void record_success(Host& host);
// Not ejected at `now`.
bool is_available(const Host& host, Clock::time_point now);

}  // namespace dt::gateway::upstream
