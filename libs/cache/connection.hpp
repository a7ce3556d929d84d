#pragma once
// Internal to dt_cache. Connection: one TCP connection to Redis, used by one coroutine at a time (a pool lease).
// Its I/O runs on its own strand: with_timeout races the I/O against a timer in two coroutines, and on an
// io_context run by several threads only a strand keeps the cancellation of one from racing the other.
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/strand.hpp>

#include <array>
#include <chrono>
#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "async/awaitable.hpp"
#include "cache/errors.hpp"
#include "cache/redis_url.hpp"
#include "cache/reply.hpp"
#include "cache/reply_reader.hpp"

namespace dt::cache::detail {

// The connection failed during a command (reset, closed by the server): retrying on a new connection may work.
class ConnectionLost : public Unavailable {
 public:
  using Unavailable::Unavailable;
};

class Connection {
 public:
  Connection(Executor executor, std::string endpoint);

  // TCP connect, then AUTH and SELECT as the URL asks, all within timeout.
  // Throws Unavailable (refused, unreachable, timed out) or Error (AUTH or SELECT refused by the server).
  static Awaitable<std::unique_ptr<Connection>> open(Executor executor, RedisUrl url,
                                                     std::chrono::milliseconds timeout);

  // Writes request (count encoded commands) and reads count replies, within timeout. Error replies are
  // returned as replies. Throws ConnectionLost (I/O error), Unavailable (timed out or cancelled) or Error
  // (protocol error); after any of them broken() is true and the connection must not be reused.
  Awaitable<std::vector<Reply>> exchange(std::string request, std::size_t count, std::chrono::milliseconds timeout,
                                         std::string what);

  // True after a failed exchange or when bytes nobody asked for arrived: the stream is out of step.
  bool broken() const { return broken_; }

  // Between commands: false when the server has closed this connection (a restart, CLIENT KILL, its idle
  // timeout) or sent something unasked. Checked before a command is sent, so even a command that must not be
  // retried survives a restart that happened while the connection was idle.
  bool looks_alive();

 private:
  Awaitable<void> handshake(RedisUrl url, std::chrono::milliseconds timeout);
  Awaitable<void> connect_and_authenticate(RedisUrl url);
  Awaitable<std::vector<Reply>> exchange_on_strand(std::string request, std::size_t count,
                                                   std::chrono::milliseconds timeout, std::string what);
  Awaitable<std::vector<Reply>> transfer(std::string request, std::size_t count);

  boost::asio::strand<Executor> strand_;
  boost::asio::ip::tcp::socket socket_;
  ReplyReader reader_;
  std::array<char, 16 * 1024> buffer_{};
  std::string endpoint_;
  bool broken_ = false;
};

}  // namespace dt::cache::detail
