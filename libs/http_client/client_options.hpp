#pragma once
// ClientOptions: limits and timeouts of an HttpClient, the same for every host it calls.
#include <chrono>
#include <cstddef>

namespace dt::http {

struct ClientOptions {
  // Connections per host:port, busy or idle; a request waits up to acquire_timeout for one to be free.
  std::size_t max_connections_per_host = 16;
  // TCP connect of a new connection (a host name is resolved first, by the system resolver, unbounded).
  std::chrono::milliseconds connect_timeout{2000};
  // Default of ClientRequest::timeout: from writing the request to the last byte of the response.
  std::chrono::milliseconds request_timeout{10000};
  // Waiting for a free connection when max_connections_per_host are busy.
  std::chrono::milliseconds acquire_timeout{2000};
  // A connection idle for longer is closed instead of reused. Keep it below the servers' keep-alive timeout.
  std::chrono::milliseconds idle_timeout{30000};
  // A larger response body fails with ClientError::Kind::body_too_large.
  std::size_t max_response_body = 16 * 1024 * 1024;
};

}  // namespace dt::http
