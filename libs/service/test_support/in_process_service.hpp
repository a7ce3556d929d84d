#pragma once
// InProcessService: a whole Service (the same wiring as main.cpp) running on a thread of its own on an
// ephemeral 127.0.0.1 port, for HTTP tests over real TCP. Settings come from the given variables, not the
// process environment; the destructor shuts it down gracefully and joins.
//
//   InProcessService account("account", {{"DT_PG_URL", url}, ...},
//                            [](Service& s, config::EnvConfig& env) { wire_account(s, env); });
//   json_call(account.port(), "GET", "/health/ready");
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <thread>

#include "config/env_config.hpp"
#include "service/service.hpp"

namespace dt::service::testing {

class InProcessService {
 public:
  using Wire = std::function<void(Service&, config::EnvConfig&)>;

  // Throws what the wiring throws (a bad variable: config::ConfigError), or std::runtime_error when the
  // service does not listen within 5 s.
  InProcessService(std::string name, std::map<std::string, std::string> variables, const Wire& wire,
                   unsigned threads = 2);
  ~InProcessService();
  InProcessService(const InProcessService&) = delete;
  InProcessService& operator=(const InProcessService&) = delete;

  std::uint16_t port() const { return service_->port(); }
  Service& service() { return *service_; }

 private:
  std::unique_ptr<Service> service_;
  std::thread thread_;
};

}  // namespace dt::service::testing
