#pragma once
// UpstreamConnection: one keep-alive HTTP/1.1 connection from the gateway to a service instance, owned by the
// thread that serves the request using it (upstream_pool.hpp), so it needs no strand and no lock. The request
// head arrives serialized (the proxy writes it straight from the client's headers); the response is parsed by
// Beast. Failures are http::ClientError with the HttpClient's kinds, so callers map them the same way.
// One timer per connection bounds each exchange (and the connect): armed once per request, it cancels the
// socket's operations when the deadline passes.
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "async/awaitable.hpp"
#include "http_client/client_error.hpp"

namespace dt::gateway::proxy {

using UpstreamResponse = boost::beast::http::response<boost::beast::http::string_body>;

// The instance closed the connection before any byte of a response: on a kept-alive connection it most likely
// closed it while idle and never read the request, which may then be sent again on a fresh connection.
class ClosedBeforeResponse : public http::ClientError {
 public:
  explicit ClosedBeforeResponse(const std::string& message) : ClientError(Kind::protocol, message) {}
};

class UpstreamConnection {
 public:
  using Clock = std::chrono::steady_clock;

  explicit UpstreamConnection(Executor executor);

  // Resolves host when it is not an IP address. Throws ClientError connect_failed.
  Awaitable<void> connect(const std::string& host, std::uint16_t port, std::chrono::milliseconds timeout);

  // Writes the head (start, then rest) and body, reads the whole response before deadline. Throws ClientError
  // (ClosedBeforeResponse as above; body_too_large over max_body); the connection must then be dropped. `what` names
  // the request.
  Awaitable<UpstreamResponse> exchange(std::string_view start, std::string_view rest, std::string_view body,
                                       bool head_request, Clock::time_point deadline, std::size_t max_body,
                                       std::string_view what);

  // The last exchange completed and both sides keep the connection open.
  bool reusable() const { return reusable_; }
  // It has carried a response since it was connected.
  bool used() const { return exchanges_ > 0; }
  Clock::duration idle_for() const { return Clock::now() - idle_since_; }

 private:
  // The socket and the number of the operation its timer guards, shared with the timer's handler so that a
  // late expiry finds out it is stale (or that the connection is gone).
  struct Guarded {
    explicit Guarded(const Executor& executor) : socket(executor) {}
    boost::asio::ip::tcp::socket socket;
    std::uint64_t operation = 0;
  };
  // Cancels the socket's operations at deadline unless disarm() comes first.
  void arm(Clock::time_point deadline);
  void disarm();

  std::shared_ptr<Guarded> guarded_;
  boost::asio::steady_timer timer_;
  bool timed_out_ = false;
  boost::beast::flat_buffer buffer_;
  bool reusable_ = false;
  std::size_t exchanges_ = 0;
  Clock::time_point idle_since_ = Clock::now();
};

}  // namespace dt::gateway::proxy
