#include "registry/etcd_discovery.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <algorithm>
#include <atomic>
#include <optional>

#include "log/log.hpp"
#include "registry/detail/backoff.hpp"
#include "registry/registry_keys.hpp"

namespace dt::registry {
namespace {

namespace asio = boost::asio;

// A service's instances as etcd has them, and the keys whose values were not valid instances ("key: reason").
struct Listing {
  std::vector<ServiceInstance> instances;
  std::vector<std::string> rejected;

  bool operator==(const Listing&) const = default;
};

Awaitable<Listing> list_instances(EtcdClient& etcd, const std::string& service) {
  const std::string prefix = service_prefix(service);
  const EtcdRange range = co_await etcd.range_prefix(prefix);
  Listing listing;
  for (const EtcdKeyValue& kv : range.kvs) {
    try {
      ServiceInstance instance = parse_instance(kv.value);
      if (instance.service != service || prefix + instance.id != kv.key) {
        throw std::invalid_argument("its service and id do not match the key");
      }
      listing.instances.push_back(std::move(instance));
    } catch (const std::invalid_argument& e) {
      listing.rejected.push_back(kv.key + ": " + e.what());
    }
  }
  std::ranges::sort(listing.instances, {}, &ServiceInstance::id);
  co_return listing;
}

void log_rejected(const std::string& service, const Listing& listing) {
  for (const std::string& reason : listing.rejected) {
    log::warn("registry: ignoring an invalid instance", {{"watched_service", service}, {"error", reason}});
  }
}

}  // namespace

struct EtcdDiscovery::Watch {
  Watch(const Executor& executor, std::string service_name, OnChange callback, std::shared_ptr<EtcdClient> client,
        const EtcdDiscoveryOptions& options)
      : strand(asio::make_strand(executor)),
        timer(strand),
        service(std::move(service_name)),
        on_change(std::move(callback)),
        etcd(std::move(client)),
        poll_interval(options.poll_interval),
        max_backoff(options.max_backoff) {}

  asio::strand<Executor> strand;
  asio::steady_timer timer;  // used on strand only
  const std::string service;
  const OnChange on_change;
  const std::shared_ptr<EtcdClient> etcd;
  const std::chrono::milliseconds poll_interval;
  const std::chrono::milliseconds max_backoff;
  std::atomic<bool> stopped{false};
};

EtcdDiscovery::EtcdDiscovery(Executor executor, EtcdDiscoveryOptions options)
    : executor_(std::move(executor)),
      options_(std::move(options)),
      etcd_(std::make_shared<EtcdClient>(executor_, options_.etcd_url, options_.request_timeout)) {}

EtcdDiscovery::~EtcdDiscovery() {
  std::lock_guard lock(mutex_);
  for (const auto& watch : watches_) {
    watch->stopped = true;
    asio::post(watch->strand, [watch] { watch->timer.cancel(); });
  }
}

Awaitable<std::vector<ServiceInstance>> EtcdDiscovery::instances(std::string service) {
  Listing listing = co_await list_instances(*etcd_, service);
  log_rejected(service, listing);
  co_return std::move(listing.instances);
}

void EtcdDiscovery::watch(std::string service, OnChange on_change) {
  service_prefix(service);  // validates the name now, in the caller
  auto watch = std::make_shared<Watch>(executor_, std::move(service), std::move(on_change), etcd_, options_);
  {
    std::lock_guard lock(mutex_);
    watches_.push_back(watch);
  }
  asio::co_spawn(watch->strand, poll(watch), asio::detached);
}

Awaitable<void> EtcdDiscovery::poll(std::shared_ptr<Watch> watch) {
  std::optional<Listing> last;
  detail::Backoff backoff(watch->poll_interval, watch->max_backoff);
  while (!watch->stopped) {
    auto wait = watch->poll_interval;
    std::optional<Listing> now;
    try {
      now = co_await list_instances(*watch->etcd, watch->service);
    } catch (const std::exception& e) {
      if (backoff.failures() == 0) {
        log::warn("registry: cannot list instances; keeping the last known list and retrying",
                  {{"watched_service", watch->service}, {"error", e.what()}});
      }
      wait = backoff.next();
    }
    if (now) {
      if (backoff.failures() > 0) {
        log::info("registry: listing instances again",
                  {{"watched_service", watch->service}, {"failures", backoff.failures()}});
      }
      backoff.reset();
      const bool changed = !last || last->instances != now->instances;
      if (!last || last->rejected != now->rejected) log_rejected(watch->service, *now);
      last = std::move(now);
      if (changed && !watch->stopped) {
        try {
          watch->on_change(last->instances);
        } catch (const std::exception& e) {
          log::error("registry: a watch callback failed", {{"watched_service", watch->service}, {"error", e.what()}});
        }
      }
    }
    if (watch->stopped) break;
    watch->timer.expires_after(wait);
    co_await watch->timer.async_wait(asio::as_tuple(asio::use_awaitable));
  }
}

}  // namespace dt::registry
