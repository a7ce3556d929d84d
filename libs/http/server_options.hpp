#pragma once
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>

namespace dt::http {

struct ServerOptions {
  std::string host = "127.0.0.1";
  std::uint16_t port = 0;                            // 0: an ephemeral port, see Server::listen()
  std::size_t body_limit = 1024 * 1024;              // larger bodies get 413
  std::size_t header_limit = 16 * 1024;              // larger request heads get 431
  std::chrono::milliseconds header_timeout{10'000};  // from the first byte to the end of the head
  std::chrono::milliseconds body_timeout{30'000};    // to receive the whole body
  std::chrono::milliseconds idle_timeout{60'000};    // a keep-alive connection waiting for its next request
  std::chrono::milliseconds write_timeout{30'000};
  std::size_t max_connections = 10'000;                 // more get a 503 and are closed
  std::chrono::milliseconds shutdown_deadline{10'000};  // in-flight requests get this long to finish
};

}  // namespace dt::http
