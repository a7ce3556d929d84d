#pragma once
// Discovery: how callers (the gateway) find the running instances of a service, whatever keeps the list.
// EtcdDiscovery (etcd_discovery.hpp) is the one implementation today; a Consul one (its /v1/health/service
// endpoint) or a Kubernetes one (the EndpointSlices of a Service) would implement the same two calls, and
// callers would not change: they hold a Discovery&.
#include <functional>
#include <string>
#include <vector>

#include "async/awaitable.hpp"
#include "registry/registry_error.hpp"
#include "registry/service_instance.hpp"

namespace dt::registry {

class Discovery {
 public:
  using OnChange = std::function<void(std::vector<ServiceInstance>)>;

  virtual ~Discovery() = default;

  // The instances of service registered now, sorted by id. Throws RegistryUnavailable when the registry cannot
  // answer.
  virtual Awaitable<std::vector<ServiceInstance>> instances(std::string service) = 0;

  // Calls on_change with the whole current list (sorted by id) once it is first known, then each time it
  // changes. While the registry is unreachable nothing is called: the last list stays the caller's truth.
  // Watching ends when the Discovery is destroyed.
  virtual void watch(std::string service, OnChange on_change) = 0;
};

}  // namespace dt::registry
