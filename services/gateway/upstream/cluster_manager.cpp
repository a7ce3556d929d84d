#include "gateway/upstream/cluster_manager.hpp"

#include <mutex>

#include "log/log.hpp"

namespace dt::gateway::upstream {

ClusterManager::ClusterManager(registry::Discovery& discovery, metrics::Registry& metrics)
    : discovery_(discovery), metrics_(metrics) {}

Cluster* ClusterManager::find(const std::string& service) const {
  std::shared_lock lock(mutex_);
  const auto it = clusters_.find(service);
  return it == clusters_.end() ? nullptr : it->second.get();
}

Cluster& ClusterManager::watch(const std::string& service) {
  std::unique_lock lock(mutex_);
  if (const auto it = clusters_.find(service); it != clusters_.end()) return *it->second;
  auto& cluster = *clusters_.emplace(service, std::make_unique<Cluster>(service)).first->second;
  lock.unlock();
  auto& gauge = metrics_.gauge("dt_gateway_upstream_instances", "Instances the registry lists, by service",
                               {{"service", service}});
  discovery_.watch(service, [&cluster, &gauge](std::vector<registry::ServiceInstance> instances) {
    std::string ids;
    for (const auto& instance : instances) {
      if (!ids.empty()) ids += ' ';
      ids += instance.id;
    }
    log::info("upstream instances changed",
              {{"service", cluster.service()}, {"count", static_cast<long>(instances.size())}, {"instances", ids}});
    cluster.update(instances);
    gauge.set(static_cast<std::int64_t>(instances.size()));
  });
  return cluster;
}

}  // namespace dt::gateway::upstream
