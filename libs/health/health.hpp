#pragma once
// Health: GET /health/live (the process answers) and GET /health/ready (its dependencies answer too).
// Each service adds a readiness check per dependency; /health/ready runs them all, each bounded by a timeout,
// and answers 200 or 503 with the state of each. While the service drains for shutdown, ready answers 503.
#include <atomic>
#include <chrono>
#include <functional>
#include <string>
#include <vector>

#include "async/awaitable.hpp"
#include "http/router.hpp"

namespace dt::health {

// A check answers true when the dependency is usable; throwing counts as false, with the message reported.
using Check = std::function<Awaitable<bool>()>;

class Health {
 public:
  void add_check(std::string name, Check check, std::chrono::milliseconds timeout = std::chrono::milliseconds(2000));
  void add_routes(http::Router& router);
  void set_draining() { draining_ = true; }

  Awaitable<http::Response> ready() const;

 private:
  struct Entry {
    std::string name;
    Check check;
    std::chrono::milliseconds timeout;
  };
  std::vector<Entry> checks_;
  std::atomic<bool> draining_{false};
};

}  // namespace dt::health
