#pragma once
// EtcdDiscovery: Discovery on etcd's registry keys (/drivetest/services/<service>/<id>, registry_keys.hpp).
//
// watch() polls instead of holding an etcd watch stream: the kit's HttpClient reads whole responses, and the
// gateway's /v3/watch answer never ends. Every poll_interval (1 s by default) one range request lists the
// service's keys; the callback runs when the list differs from the last one. So a change reaches callers
// within poll_interval plus one request (a few ms locally), i.e. about 1 s, which is well inside the
// registrations' TTL (10 s) that bounds how long a dead instance stays listed anyway. One range per watched
// service per second is negligible for etcd. While etcd is unreachable the poll backs off (poll_interval,
// doubling, up to max_backoff), logs once, and keeps the last list.
//
//   dt::registry::EtcdDiscovery discovery(service.executor(), {.etcd_url = "http://127.0.0.1:22379"});
//   discovery.watch("catalog", [&table](std::vector<ServiceInstance> list) { table.replace(std::move(list)); });
#include <chrono>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "async/awaitable.hpp"
#include "registry/discovery.hpp"
#include "registry/etcd_client.hpp"

namespace dt::registry {

struct EtcdDiscoveryOptions {
  std::string etcd_url = "http://127.0.0.1:22379";
  std::chrono::milliseconds poll_interval{1000};
  std::chrono::milliseconds request_timeout{2000};
  std::chrono::milliseconds max_backoff{10000};
};

class EtcdDiscovery final : public Discovery {
 public:
  // Throws std::invalid_argument for a malformed etcd_url.
  EtcdDiscovery(Executor executor, EtcdDiscoveryOptions options);
  // Ends every watch: no callback starts after it returns (one running on another thread may still finish).
  ~EtcdDiscovery() override;
  EtcdDiscovery(const EtcdDiscovery&) = delete;
  EtcdDiscovery& operator=(const EtcdDiscovery&) = delete;

  Awaitable<std::vector<ServiceInstance>> instances(std::string service) override;
  // on_change runs on the executor given to the constructor (one strand per watch: never two calls at once).
  // An exception from on_change is logged and the watch goes on. Throws std::invalid_argument for a service
  // name outside [a-z0-9-]+.
  void watch(std::string service, OnChange on_change) override;

 private:
  struct Watch;
  static Awaitable<void> poll(std::shared_ptr<Watch> watch);

  Executor executor_;
  EtcdDiscoveryOptions options_;
  std::shared_ptr<EtcdClient> etcd_;
  std::mutex mutex_;  // guards watches_
  std::vector<std::shared_ptr<Watch>> watches_;
};

}  // namespace dt::registry
