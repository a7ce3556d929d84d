#pragma once
// UpstreamPools: the gateway's keep-alive connections to service instances, one pool per instance per thread of
// the runtime. A request is served on its client connection's thread and sent upstream on a connection of that
// same thread, as nginx's workers do: no strand hop, no lock, no cross-thread wake-up on the hot path.
// Connections are opened on demand (no cap: the server's connection limit bounds the requests in flight), kept
// when both sides agree to keep-alive, and dropped past idle_timeout (below the services' 60 s keep-alive) or
// beyond max_idle per instance. A kept-alive connection that the instance closed while idle (it restarted, or
// its idle timeout won) fails before any response byte: the request is then sent once more on a fresh
// connection, whatever its method, since the instance never read it.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>

#include "async/awaitable.hpp"
#include "gateway/proxy/upstream_connection.hpp"

namespace dt::gateway::proxy {

struct UpstreamPoolOptions {
  std::chrono::milliseconds connect_timeout{1000};
  std::chrono::milliseconds idle_timeout{30000};
  std::size_t max_idle = 256;  // idle connections kept per instance and thread
};

// What to send: the request line and Host (which depend on the instance), the other header lines with the blank
// line ending the head, and the body.
struct UpstreamRequest {
  std::string_view start;  // "GET /path HTTP/1.1\r\nHost: 10.0.0.5:28081\r\n"
  std::string_view rest;   // "Name: value\r\n...\r\n"
  std::string_view body;
  bool head_request = false;
  std::chrono::milliseconds timeout{10000};  // to the last byte of the response
  std::size_t max_body = 0;
  std::string_view what;  // names the request in error messages (the instance's id)
};

class UpstreamPools {
 public:
  explicit UpstreamPools(UpstreamPoolOptions options);
  ~UpstreamPools();
  UpstreamPools(const UpstreamPools&) = delete;
  UpstreamPools& operator=(const UpstreamPools&) = delete;

  // Sends on the pool of host:port of the calling coroutine's thread (`executor` is its executor). Throws
  // http::ClientError.
  Awaitable<UpstreamResponse> send(const Executor& executor, const std::string& host, std::uint16_t port,
                                   const UpstreamRequest& request);

 private:
  struct ThreadPools;
  ThreadPools& for_executor(const Executor& executor);

  UpstreamPoolOptions options_;
  std::uint64_t serial_;  // tells this object from an earlier one at the same address, for the thread cache
  std::mutex mutex_;      // guards threads_ (the map; each ThreadPools is used by its own thread only)
  std::map<const void*, std::unique_ptr<ThreadPools>> threads_;  // by execution context
};

}  // namespace dt::gateway::proxy
