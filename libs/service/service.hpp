#pragma once
// Service: what every service is made of, written once (like eShop's ServiceDefaults): settings from the
// environment, JSON logging, the runtime and its threads, the router behind the standard middleware chain,
// /metrics, /health/live and /health/ready, and graceful shutdown on SIGTERM/SIGINT. A service's main.cpp:
//
//   int main() {
//     return dt::service::run_main("catalog", 8081, [](dt::service::Service& service, dt::config::EnvConfig& env) {
//       auto db = std::make_shared<dt::db::Database>(service.executor(), ...);
//       service.health().add_check("postgres", [db] { return db->ping(); });
//       catalog::api::add_routes(service.router(), ...);
//     });
//   }
#include <atomic>
#include <functional>
#include <memory>
#include <string>

#include "async/runtime.hpp"
#include "config/env_config.hpp"
#include "health/health.hpp"
#include "http/pipeline.hpp"
#include "http/router.hpp"
#include "metrics/registry.hpp"
#include "service/service_settings.hpp"

namespace dt::service {

class Service {
 public:
  explicit Service(ServiceSettings settings);
  ~Service();

  const ServiceSettings& settings() const { return settings_; }
  Executor executor() const { return runtime_.executor(); }
  http::Router& router() { return router_; }
  metrics::Registry& metrics() { return metrics_; }
  health::Health& health() { return health_; }
  // Runs after the standard chain (request id, access log, metrics, problem responder), in the order added.
  void add_middleware(std::unique_ptr<http::Middleware> middleware);
  // Keeps `object` alive as long as the service (and destroys it before the runtime): the dependencies main()
  // builds, such as pools, stores and caches.
  template <class T>
  T& own(std::unique_ptr<T> object) {
    T& ref = *object;
    owned_.push_back(std::shared_ptr<void>(std::move(object)));
    return ref;
  }
  // Runs `task` to completion before the service listens (migrations, warm-up); its exception stops start-up.
  void startup(Awaitable<void> task) { runtime_.block_on(std::move(task)); }
  // Called when shutdown begins, before connections drain (e.g. to deregister from the service registry).
  void on_shutdown(std::function<void()> hook) { shutdown_hooks_.push_back(std::move(hook)); }
  // Called by run() once the server listens, with the port bound, before it serves (e.g. to register in the
  // service registry). An exception from a hook stops start-up.
  void on_listening(std::function<void(std::uint16_t port)> hook) { listening_hooks_.push_back(std::move(hook)); }

  // Listens, serves until SIGTERM/SIGINT (or stop()), drains, and returns the process exit code (0).
  int run();
  // The port actually bound (useful with DT_HTTP_PORT=0); valid once run() is listening.
  std::uint16_t port() const { return port_; }
  // Starts the graceful shutdown from code, as a signal would.
  void stop();

 private:
  struct Impl;
  ServiceSettings settings_;
  async::Runtime runtime_;
  metrics::Registry metrics_;
  http::Router router_;
  health::Health health_;
  std::vector<std::unique_ptr<http::Middleware>> extra_;
  std::vector<std::shared_ptr<void>> owned_;  // destroyed before runtime_ (declared after it)
  std::vector<std::function<void()>> shutdown_hooks_;
  std::vector<std::function<void(std::uint16_t)>> listening_hooks_;
  std::unique_ptr<Impl> impl_;
  std::atomic<std::uint16_t> port_{0};
};

using Setup = std::function<void(Service& service, config::EnvConfig& env)>;

// The whole main(): reads settings, sets up logging, lets `setup` wire the service, checks the configuration
// (a bad variable stops start-up with a message naming it, exit code 2), and runs. Start-up failures exit 1.
int run_main(std::string name, std::uint16_t default_port, const Setup& setup);

}  // namespace dt::service
