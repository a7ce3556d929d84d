#pragma once
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "http/method.hpp"

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
  // Which requests stream their body to the handler (Router::add_streaming): the body limit for that method and
  // path, or nullopt to read the body whole under body_limit first. Empty: no request streams. Service::run
  // sets it from its router. A streaming body's reads each get body_timeout.
  std::function<std::optional<std::size_t>(Method method, std::string_view path)> streaming_body;
};

}  // namespace dt::http
