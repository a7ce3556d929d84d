#include "gateway/gateway_service.hpp"

#include "auth/auth_settings.hpp"
#include "auth/authenticator.hpp"
#include "auth/jwks_cache.hpp"
#include "cache/redis.hpp"
#include "gateway/gateway_filters.hpp"
#include "gateway/gateway_handler.hpp"
#include "gateway/gateway_settings.hpp"
#include "gateway/reload/route_file_watcher.hpp"
#include "gateway/static/static_site.hpp"
#include "log/log.hpp"
#include "registry/etcd_discovery.hpp"

namespace dt::gateway {
namespace {

// The first instance lists, fetched before the gateway listens, so that its first requests do not get 503 while
// the watches make their first round. A registry that cannot answer only delays that to the watches.
Awaitable<void> prime_clusters(registry::Discovery& discovery, upstream::ClusterManager& clusters,
                               std::vector<std::string> services) {
  for (const auto& name : services) {
    try {
      const auto instances = co_await discovery.instances(name);
      if (auto* cluster = clusters.find(name); cluster && cluster->hosts()->empty()) cluster->update(instances);
    } catch (const registry::RegistryUnavailable& e) {
      log::warn("registry unavailable at start-up: instances will be known once it answers", {{"error", e.what()}});
      co_return;
    }
  }
}

std::shared_ptr<const auth::Authenticator> make_authenticator(service::Service& service, dt::config::EnvConfig& env) {
  const auth::AuthSettings settings = auth::read_auth_settings(env);
  http::ClientOptions options;
  options.max_connections_per_host = 2;
  auto& client = service.own(std::make_unique<http::HttpClient>(service.executor(), options));
  auto& jwks = service.own(std::make_unique<auth::JwksCache>(service.executor(), client, settings.jwks_options()));
  return std::make_shared<const auth::Authenticator>(jwks, settings.verifier_options());
}

ratelimit::RateLimiter& make_rate_limiter(service::Service& service, const GatewaySettings& settings) {
  cache::RedisOptions options;
  options.url = settings.redis_url;
  options.max_connections = settings.redis_connections;
  options.connect_timeout = settings.redis_timeout;
  options.command_timeout = settings.redis_timeout;
  options.acquire_timeout = settings.redis_timeout;
  auto& redis = service.own(std::make_unique<cache::Redis>(service.executor(), options));
  ratelimit::RateLimiterOptions limiter;
  limiter.key_prefix = settings.rate_limit_prefix;
  limiter.retry_after_failure = settings.redis_retry;
  limiter.max_lease = settings.rate_limit_lease;
  return service.own(std::make_unique<ratelimit::RateLimiter>(redis, limiter, service.metrics()));
}

proxy::UpstreamPools& make_upstream_pools(service::Service& service, const GatewaySettings& settings) {
  proxy::UpstreamPoolOptions options;
  options.connect_timeout = settings.connect_timeout;
  options.max_idle = settings.upstream_idle;
  return service.own(std::make_unique<proxy::UpstreamPools>(options));
}

}  // namespace

void wire_gateway(service::Service& service, dt::config::EnvConfig& env) {
  const GatewaySettings settings = read_gateway_settings(env);
  auto authenticator = make_authenticator(service, env);
  env.check();

  registry::EtcdDiscoveryOptions discovery_options;
  discovery_options.etcd_url = settings.registry_url;
  discovery_options.poll_interval = settings.registry_poll;
  auto& discovery = service.own(std::make_unique<registry::EtcdDiscovery>(service.executor(), discovery_options));
  auto& clusters = service.own(std::make_unique<upstream::ClusterManager>(discovery, service.metrics()));

  const config::ConfigLimits limits{.max_request_bytes = service.settings().http.body_limit,
                                    .max_response_bytes = settings.max_response_bytes};
  auto& holder = service.own(std::make_unique<routing::RouteTableHolder>(nullptr));
  auto& watcher = service.own(std::make_unique<reload::RouteFileWatcher>(
      settings.routes_file, limits, holder,
      [&clusters](const routing::RouteTable& table) {
        for (const auto& [name, config] : table.config().services) clusters.watch(name);
      },
      service.metrics(), settings.reload_interval));
  const auto table = watcher.load_initial();
  holder.replace(table);
  std::vector<std::string> services;
  for (const auto& [name, config] : table->config().services) services.push_back(name);
  service.startup(prime_clusters(discovery, clusters, services));
  log::info("routes loaded", {{"file", settings.routes_file},
                              {"routes", static_cast<long>(table->routes().size())},
                              {"static_dir", settings.static_dir}});

  auto& limiter = make_rate_limiter(service, settings);
  auto& pools = make_upstream_pools(service, settings);
  auto& site = service.own(std::make_unique<static_files::StaticSite>(settings.static_dir));
  auto& chain = service.own(gateway_filters(FilterDependencies{.authenticator = authenticator,
                                                               .limiter = limiter,
                                                               .clusters = clusters,
                                                               .pools = pools,
                                                               .metrics = service.metrics()}));
  service.add_middleware(std::make_unique<GatewayHandler>(holder, chain, site));

  service.on_listening([&watcher, &service](std::uint16_t) { watcher.start(service.executor()); });
  service.on_shutdown([&watcher] { watcher.stop(); });
}

}  // namespace dt::gateway
