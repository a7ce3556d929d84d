#include "gateway/upstream/cluster.hpp"

namespace dt::gateway::upstream {

void Cluster::update(const std::vector<registry::ServiceInstance>& instances) {
  const auto previous = hosts();
  auto next = std::make_shared<HostList>();
  next->reserve(instances.size());
  for (const auto& instance : instances) {
    std::shared_ptr<Host> kept;
    for (const auto& host : *previous) {
      const auto& known = host->instance;
      if (known.id == instance.id && known.address == instance.address && known.port == instance.port) kept = host;
    }
    next->push_back(kept ? kept : std::make_shared<Host>(instance));
  }
  std::lock_guard lock(mutex_);
  hosts_ = std::move(next);
}

std::shared_ptr<const HostList> Cluster::hosts() const {
  std::lock_guard lock(mutex_);
  return hosts_;
}

std::shared_ptr<Host> Cluster::pick(config::LoadBalancing policy, Clock::time_point now, const Host* exclude) {
  thread_local std::minstd_rand random{std::random_device{}()};
  const auto list = hosts();
  PickContext context{.now = now, .exclude = exclude, .round_robin = &round_robin_, .random = &random};
  return pick_host(*list, policy, context);
}

}  // namespace dt::gateway::upstream
