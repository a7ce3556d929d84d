#pragma once
// Internal to dt_http_client. Connection: one keep-alive TCP connection to host:port, owned by that host's pool.
// Its socket lives on its own strand and each operation runs there as a coroutine of its own, so Beast's timeout
// timers never race the I/O, whatever threads the caller runs on. Used by one request at a time (a pool lease).
#include <boost/asio/strand.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "async/awaitable.hpp"
#include "http_client/client_error.hpp"
#include "http_client/detail/client_message.hpp"

namespace dt::http::detail {

// The server closed the connection before sending any byte of a response: on a kept-alive connection, it most
// likely closed it while idle and never read the request (see HttpClient::Impl::send for the one retry).
class PeerClosed : public ClientError {
 public:
  explicit PeerClosed(const std::string& message) : ClientError(Kind::protocol, message) {}
};

class Connection {
 public:
  using Clock = std::chrono::steady_clock;

  Connection(Executor executor, std::string host, std::uint16_t port);

  // Closes the socket it had, if any, then connects within timeout. Throws ClientError connect_failed.
  Awaitable<void> connect(std::chrono::milliseconds timeout);

  // Writes request and reads the whole response before deadline. Throws ClientError (PeerClosed as above);
  // the connection must then be dropped. `what` names the request in messages.
  Awaitable<BeastClientResponse> exchange(const BeastClientRequest& request, Clock::time_point deadline,
                                          std::size_t max_body, const std::string& what);

  // The last exchange completed and both sides agreed to keep the connection open.
  bool reusable() const { return reusable_; }
  // It has carried a response since it was (re)connected.
  bool used() const { return exchanges_ > 0; }
  Clock::duration idle_for() const { return Clock::now() - idle_since_; }

 private:
  Awaitable<void> connect_on_strand(std::chrono::milliseconds timeout);
  Awaitable<BeastClientResponse> exchange_on_strand(const BeastClientRequest& request, Clock::time_point deadline,
                                                    std::size_t max_body, const std::string& what);

  boost::asio::strand<Executor> strand_;
  std::string host_;
  std::uint16_t port_;
  std::optional<boost::beast::tcp_stream> stream_;
  boost::beast::flat_buffer buffer_;
  bool reusable_ = false;
  std::size_t exchanges_ = 0;
  Clock::time_point idle_since_ = Clock::now();
};

}  // namespace dt::http::detail
