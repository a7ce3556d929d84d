#pragma once
// Host: one instance of a service as the gateway tracks it: where it is, how many requests it has in flight
// (for least-request balancing) and its outlier state (outlier_detector.hpp). Shared by every thread; a Host
// outlives its removal from the registry for as long as a request holds it.
#include <atomic>
#include <chrono>
#include <cstdint>
#include <mutex>
#include <string>

#include "registry/service_instance.hpp"

namespace dt::gateway::upstream {

using Clock = std::chrono::steady_clock;

struct Host {
  explicit Host(registry::ServiceInstance from)
      : instance(std::move(from)),
        authority((instance.address.find(':') == std::string::npos ? instance.address : "[" + instance.address + "]") +
                  ":" + std::to_string(instance.port)) {}
  Host(const Host&) = delete;
  Host& operator=(const Host&) = delete;

  const registry::ServiceInstance instance;
  const std::string authority;  // "address:port" ("[v6]:port"), the Host header requests to it carry
  std::atomic<int> outstanding{0};

  // Outlier state: written under `mutex` (failures are rare), read without it on the hot path.
  std::mutex mutex;
  std::atomic<int> consecutive_failures{0};
  std::atomic<Clock::rep> ejected_until{0};  // Clock ticks; available again from then on
  std::atomic<int> ejections{0};             // in a row: each doubles the next ejection's length
  std::atomic<bool> probation{false};        // re-admitted after an ejection, not yet proven healthy
};

// Counts a request in Host::outstanding for its lifetime.
class OutstandingRequest {
 public:
  explicit OutstandingRequest(Host& host) : host_(host) { host_.outstanding.fetch_add(1, std::memory_order_relaxed); }
  ~OutstandingRequest() { host_.outstanding.fetch_sub(1, std::memory_order_relaxed); }
  OutstandingRequest(const OutstandingRequest&) = delete;
  OutstandingRequest& operator=(const OutstandingRequest&) = delete;

 private:
  Host& host_;
};

}  // namespace dt::gateway::upstream
