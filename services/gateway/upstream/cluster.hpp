#pragma once
// Cluster: the hosts of one service, replaced whole when the registry's list changes. A host that stays in the
// list keeps its state (requests in flight, outlier record); one that leaves is dropped (requests still holding
// it finish normally). Thread-safe: the discovery callback updates it while every thread picks from it.
#include <atomic>
#include <memory>
#include <mutex>
#include <random>
#include <string>
#include <vector>

#include "gateway/upstream/load_balancer.hpp"
#include "registry/service_instance.hpp"

namespace dt::gateway::upstream {

class Cluster {
 public:
  explicit Cluster(std::string service) : service_(std::move(service)) {}
  Cluster(const Cluster&) = delete;
  Cluster& operator=(const Cluster&) = delete;

  const std::string& service() const { return service_; }

  // The registry's current list (instances are matched by id, address and port).
  void update(const std::vector<registry::ServiceInstance>& instances);
  std::shared_ptr<const HostList> hosts() const;

  // A host for the next request (see pick_host), or nullptr when the service has none besides `exclude`.
  std::shared_ptr<Host> pick(config::LoadBalancing policy, Clock::time_point now, const Host* exclude = nullptr);

 private:
  std::string service_;
  mutable std::mutex mutex_;  // guards hosts_ (the pointer; the list itself is immutable)
  std::shared_ptr<const HostList> hosts_ = std::make_shared<const HostList>();
  std::atomic<std::uint64_t> round_robin_{0};
};

}  // namespace dt::gateway::upstream
