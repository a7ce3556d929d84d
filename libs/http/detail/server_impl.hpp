#pragma once
// Internal state of http::Server, shared by the acceptor (server.cpp) and the connections (connection.cpp).
#include <boost/asio/cancellation_signal.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core/tcp_stream.hpp>

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <unordered_set>

#include "http/pipeline.hpp"
#include "http/server.hpp"
#include "http/server_options.hpp"

namespace dt::http::detail {

// One accepted connection. Its stream's executor is one single-threaded io_context of the runtime; `idle` is
// only touched there (the shutdown posts to it).
struct Connection {
  explicit Connection(boost::asio::ip::tcp::socket socket) : stream(std::move(socket)) {}
  boost::beast::tcp_stream stream;
  bool idle = true;
  // Emitted (terminal) when the shutdown deadline passes: the handler's pending operation throws and the whole
  // coroutine chain unwinds while the pipeline still exists.
  boost::asio::cancellation_signal cancel;
};

}  // namespace dt::http::detail

namespace dt::http {

struct Server::Impl : std::enable_shared_from_this<Server::Impl> {
  Impl(async::Runtime& runtime, ServerOptions options, const Pipeline& pipeline);

  Awaitable<void> accept_loop();
  Awaitable<void> serve(std::shared_ptr<detail::Connection> connection);  // connection.cpp
  Awaitable<void> reject(boost::asio::ip::tcp::socket socket);            // connection.cpp
  void forget(const std::shared_ptr<detail::Connection>& connection);
  void finish_shutdown();

  async::Runtime& runtime;
  ServerOptions options;
  const Pipeline& pipeline;
  boost::asio::strand<Executor> acceptor_strand;
  boost::asio::ip::tcp::acceptor acceptor;

  std::atomic<bool> stopping{false};
  std::atomic<std::size_t> count{0};
  std::mutex mutex;  // guards live and on_done
  std::unordered_set<std::shared_ptr<detail::Connection>> live;
  std::function<void()> on_done;
  std::unique_ptr<boost::asio::steady_timer> deadline;
};

}  // namespace dt::http
