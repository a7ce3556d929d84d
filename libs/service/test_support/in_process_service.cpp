#include "service/test_support/in_process_service.hpp"

#include <chrono>
#include <optional>
#include <stdexcept>

namespace dt::service::testing {

InProcessService::InProcessService(std::string name, std::map<std::string, std::string> variables, const Wire& wire,
                                   unsigned threads) {
  ServiceSettings settings;
  settings.name = name;
  settings.threads = threads;
  settings.http.port = 0;
  service_ = std::make_unique<Service>(settings);
  config::EnvConfig env([variables = std::move(variables)](const std::string& key) -> std::optional<std::string> {
    auto it = variables.find(key);
    if (it == variables.end()) return std::nullopt;
    return it->second;
  });
  wire(*service_, env);
  thread_ = std::thread([this] { service_->run(); });
  for (int i = 0; i < 500 && service_->port() == 0; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  if (service_->port() == 0) {
    service_->stop();
    thread_.join();
    throw std::runtime_error("the " + name + " service did not start listening");
  }
}

InProcessService::~InProcessService() {
  service_->stop();
  thread_.join();
  service_.reset();
}

}  // namespace dt::service::testing
