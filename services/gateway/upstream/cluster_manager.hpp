#pragma once
// ClusterManager: one Cluster per service the routes name, each kept up to date from Discovery::watch.
// watch(service) starts following a service (idempotent: a reload naming it again changes nothing); a service no
// longer named keeps being watched, which costs one registry poll a second. Counts instances per service in
// dt_gateway_upstream_instances{service} and logs each change of a service's list.
#include <map>
#include <memory>
#include <shared_mutex>
#include <string>

#include "gateway/upstream/cluster.hpp"
#include "metrics/registry.hpp"
#include "registry/discovery.hpp"

namespace dt::gateway::upstream {

class ClusterManager {
 public:
  // Both must outlive the manager.
  ClusterManager(registry::Discovery& discovery, metrics::Registry& metrics);
  ClusterManager(const ClusterManager&) = delete;
  ClusterManager& operator=(const ClusterManager&) = delete;

  // The service's cluster, created (empty) and watched from the first call on.
  Cluster& watch(const std::string& service);
  // The service's cluster, or nullptr when nobody asked to watch it.
  Cluster* find(const std::string& service) const;

 private:
  registry::Discovery& discovery_;
  metrics::Registry& metrics_;
  mutable std::shared_mutex mutex_;  // guards clusters_ (the map; clusters are never removed)
  std::map<std::string, std::unique_ptr<Cluster>, std::less<>> clusters_;
};

}  // namespace dt::gateway::upstream
