#pragma once
// EchoMiddleware: the test upstream's whole behaviour, for every path but its own /health and /metrics:
//   - answers 200 with JSON {"instance", "method", "target", "headers": {lower-case name: value, repeated ones
//     joined with ", "}, "body"}: tests see exactly what the gateway forwarded;
//   - query delay_ms=N waits N ms first (timeouts); status=NNN answers that status instead of 200;
//   - /bench/json answers a fixed 52-byte JSON body (bench/gateway_vs_nginx.sh);
//   - counts the requests it answered.
#include <atomic>
#include <string>

#include "http/pipeline.hpp"

namespace dt::gateway::testing {

inline constexpr std::string_view kBenchBody = R"({"status":"ok","service":"drivetest","version":1})";

class EchoMiddleware : public http::Middleware {
 public:
  explicit EchoMiddleware(std::string instance_id) : instance_id_(std::move(instance_id)) {}
  Awaitable<http::Response> handle(http::Request& request, http::Next next) override;

  long requests() const { return requests_.load(); }

 private:
  std::string instance_id_;
  std::atomic<long> requests_{0};
};

}  // namespace dt::gateway::testing
