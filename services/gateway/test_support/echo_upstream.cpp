#include "gateway/test_support/echo_upstream.hpp"

#include <future>
#include <thread>

#include "async/runtime.hpp"
#include "gateway/test_support/echo_routes.hpp"
#include "http/middleware/standard_chain.hpp"
#include "http/router.hpp"
#include "http/server.hpp"
#include "metrics/registry.hpp"
#include "registry/registration.hpp"

namespace dt::gateway::testing {

struct EchoUpstream::Impl {
  async::Runtime runtime{2};
  metrics::Registry metrics;
  http::Router router;
  EchoMiddleware* echo = nullptr;
  std::unique_ptr<http::Pipeline> pipeline;
  std::unique_ptr<http::Server> server;
  std::unique_ptr<registry::Registration> registration;
  std::uint16_t port = 0;
  std::string id;
  std::thread thread;
  bool stopped = false;
};

EchoUpstream::EchoUpstream(const std::string& service, const std::string& etcd_url,
                           std::chrono::milliseconds idle_timeout)
    : impl_(std::make_unique<Impl>()) {
  static std::atomic<int> counter{0};
  auto chain = http::standard_chain(impl_->metrics);
  impl_->id = service + "-echo-" + std::to_string(counter++);
  auto echo = std::make_unique<EchoMiddleware>(impl_->id);
  impl_->echo = echo.get();
  chain.push_back(std::move(echo));
  impl_->pipeline = std::make_unique<http::Pipeline>(
      std::move(chain), [this](http::Request& request) { return impl_->router.dispatch(request); });
  http::ServerOptions server_options;
  server_options.idle_timeout = idle_timeout;
  impl_->server = std::make_unique<http::Server>(impl_->runtime, server_options, *impl_->pipeline);
  impl_->port = impl_->server->listen();
  impl_->thread = std::thread([this] { impl_->runtime.run(); });

  registry::ServiceInstance instance;
  instance.service = service;
  instance.id = impl_->id;
  instance.address = "127.0.0.1";
  instance.port = impl_->port;
  instance.version = "test";
  instance.health_url = instance.base_url() + "/health/ready";
  registry::RegistrationOptions options;
  options.etcd_url = etcd_url;
  impl_->registration =
      std::make_unique<registry::Registration>(impl_->runtime.executor(), options, std::move(instance));
  impl_->registration->start();
}

EchoUpstream::~EchoUpstream() { stop(); }

std::uint16_t EchoUpstream::port() const { return impl_->port; }
const std::string& EchoUpstream::id() const { return impl_->id; }
long EchoUpstream::requests() const { return impl_->echo->requests(); }

void EchoUpstream::stop() {
  if (impl_->stopped) return;
  impl_->stopped = true;
  impl_->registration->stop();
  std::promise<void> done;
  impl_->server->shutdown([&] {
    done.set_value();
    impl_->runtime.stop();
  });
  done.get_future().wait();
  impl_->thread.join();
  impl_->registration.reset();
  impl_->runtime.shutdown();
}

}  // namespace dt::gateway::testing
