#pragma once
// Server: HTTP/1.1 on Boost.Beast with one coroutine per connection; connections are spread over the
// runtime's threads and each stays on its thread.
// Keep-alive and pipelining, limits and timeouts from ServerOptions, a cap on connections, graceful shutdown.
// Every request goes through the Pipeline; the server itself answers only what never reaches it
// (malformed HTTP 400, head too large 431, body too large 413, over the connection cap 503).
#include <cstdint>
#include <functional>
#include <memory>

#include "async/awaitable.hpp"
#include "async/runtime.hpp"
#include "http/pipeline.hpp"
#include "http/server_options.hpp"

namespace dt::http {

class Server {
 public:
  // The runtime and the pipeline must outlive the server.
  Server(async::Runtime& runtime, ServerOptions options, const Pipeline& pipeline);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds and starts accepting; returns the bound port. Throws std::runtime_error naming the address on failure.
  std::uint16_t listen();

  // Stops accepting, closes idle keep-alive connections, lets requests in flight finish (their connections then
  // close) and calls on_done once all connections are gone or shutdown_deadline passed (the rest are cut).
  // Thread-safe; later calls do nothing.
  void shutdown(std::function<void()> on_done);

  std::size_t connections() const;

 private:
  struct Impl;
  std::shared_ptr<Impl> impl_;
};

}  // namespace dt::http
