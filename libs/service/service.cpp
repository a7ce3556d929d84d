#include "service/service.hpp"

#include <boost/asio/signal_set.hpp>

#include <iostream>

#include "http/middleware/standard_chain.hpp"
#include "http/server.hpp"
#include "log/log.hpp"

namespace dt::service {

struct Service::Impl {
  std::unique_ptr<http::Pipeline> pipeline;
  std::unique_ptr<http::Server> server;
  std::unique_ptr<boost::asio::signal_set> signals;
  std::atomic<bool> stopping{false};
};

Service::Service(ServiceSettings settings)
    : settings_(std::move(settings)), runtime_(settings_.threads), impl_(std::make_unique<Impl>()) {
  router_.add(http::Method::get, "/metrics", [this](http::Request&) -> Awaitable<http::Response> {
    co_return http::Response::text(200, metrics_.render(), "text/plain; version=0.0.4; charset=utf-8");
  });
  health_.add_routes(router_);
}

Service::~Service() {
  runtime_.shutdown();  // suspended work (a request cut at the deadline, a background task) goes while all it
                        // refers to still exists
  impl_.reset();        // then the server and pipeline: handlers refer to the owned objects
  while (!owned_.empty()) owned_.pop_back();  // then the owned objects, newest first
}

void Service::add_middleware(std::unique_ptr<http::Middleware> middleware) { extra_.push_back(std::move(middleware)); }

void Service::stop() {
  if (!impl_->server || impl_->stopping.exchange(true)) return;
  log::info("shutting down: draining connections",
            {{"deadline_ms", static_cast<long long>(settings_.http.shutdown_deadline.count())}});
  health_.set_draining();
  for (auto& hook : shutdown_hooks_) hook();
  impl_->server->shutdown([this] {
    log::info("stopped");
    log::flush();
    runtime_.stop();
  });
}

int Service::run() {
  auto chain = http::standard_chain(metrics_);
  for (auto& m : extra_) chain.push_back(std::move(m));
  extra_.clear();
  impl_->pipeline = std::make_unique<http::Pipeline>(
      std::move(chain), [this](http::Request& request) { return router_.dispatch(request); });
  settings_.http.streaming_body = [this](http::Method method, std::string_view path) {
    return router_.streaming_body_limit(method, path);
  };
  impl_->server = std::make_unique<http::Server>(runtime_, settings_.http, *impl_->pipeline);
  port_ = impl_->server->listen();

  impl_->signals = std::make_unique<boost::asio::signal_set>(runtime_.executor(), SIGINT, SIGTERM);
  impl_->signals->async_wait([this](const boost::system::error_code& ec, int signal) {
    if (ec) return;
    log::info("signal received", {{"signal", signal}});
    stop();
  });

  log::info("listening", {{"address", settings_.http.host},
                          {"port", static_cast<int>(port_.load())},
                          {"threads", runtime_.threads()},
                          {"version", settings_.version}});
  for (auto& hook : listening_hooks_) hook(port_);
  runtime_.run();
  return 0;
}

int run_main(std::string name, std::uint16_t default_port, const Setup& setup) {
  config::EnvConfig env;
  auto settings = read_settings(env, name, default_port);
  log::init({.service = name, .level = settings.log_level});
  try {
    Service service(std::move(settings));
    setup(service, env);
    env.check();
    return service.run();
  } catch (const config::ConfigError& e) {
    log::error("cannot start: bad configuration", {{"error", e.what()}});
    log::flush();
    std::cerr << name << ": " << e.what() << '\n';
    return 2;
  } catch (const std::exception& e) {
    log::error("cannot start", {{"error", e.what()}});
    log::flush();
    std::cerr << name << ": cannot start: " << e.what() << '\n';
    return 1;
  }
}

}  // namespace dt::service
