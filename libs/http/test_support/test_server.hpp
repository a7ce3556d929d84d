#pragma once
// TestServer: a real kit server on an ephemeral port with the standard middleware chain, run on two threads;
// its router's streaming routes stream, as in a Service.
#include <boost/asio/post.hpp>

#include <future>
#include <thread>

#include "async/runtime.hpp"
#include "http/middleware/standard_chain.hpp"
#include "http/router.hpp"
#include "http/server.hpp"
#include "metrics/registry.hpp"

namespace dt::http::testing {

class TestServer {
 public:
  explicit TestServer(Router router, ServerOptions options = {})
      : router_(std::move(router)),
        pipeline_(standard_chain(registry_), [this](Request& r) { return router_.dispatch(r); }),
        server_(runtime_, with_streaming(std::move(options)), pipeline_) {
    port_ = server_.listen();
    thread_ = std::thread([this] { runtime_.run(); });
  }
  ~TestServer() {
    if (!stopped_) stop();
  }

  std::uint16_t port() const { return port_; }
  Server& server() { return server_; }
  metrics::Registry& metrics() { return registry_; }

  // Graceful shutdown; returns once on_done ran and the runtime stopped.
  void stop() {
    stopped_ = true;
    std::promise<void> done;
    server_.shutdown([&] {
      done.set_value();
      runtime_.stop();
    });
    done.get_future().wait();
    thread_.join();
  }

 private:
  // Streaming routes stream, as in a Service.
  ServerOptions with_streaming(ServerOptions options) {
    options.streaming_body = [this](Method method, std::string_view path) {
      return router_.streaming_body_limit(method, path);
    };
    return options;
  }

  async::Runtime runtime_{2};
  metrics::Registry registry_;
  Router router_;
  Pipeline pipeline_;
  Server server_;
  std::uint16_t port_ = 0;
  std::thread thread_;
  bool stopped_ = false;
};

}  // namespace dt::http::testing
