#pragma once
// ScriptedServer: a raw TCP server for tests that need what a kit server never does (close without answering,
// send half a response, send garbage) or need to count connections exactly. For every request head it reads,
// it writes `reply` verbatim, then closes the connection if close_after_reply.
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read_until.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>

#include <atomic>
#include <string>
#include <thread>

#include "async/awaitable.hpp"

namespace dt::http::testing {

class ScriptedServer {
 public:
  ScriptedServer(std::string reply, bool close_after_reply)
      : reply_(std::move(reply)), close_after_reply_(close_after_reply) {
    namespace asio = boost::asio;
    acceptor_.open(asio::ip::tcp::v4());
    acceptor_.bind({asio::ip::make_address("127.0.0.1"), 0});
    acceptor_.listen();
    asio::co_spawn(io_, accept_loop(), asio::detached);
    thread_ = std::thread([this] { io_.run(); });
  }
  ~ScriptedServer() {
    io_.stop();
    thread_.join();
  }
  ScriptedServer(const ScriptedServer&) = delete;
  ScriptedServer& operator=(const ScriptedServer&) = delete;

  std::uint16_t port() const { return acceptor_.local_endpoint().port(); }
  int accepted() const { return accepted_.load(); }

 private:
  Awaitable<void> accept_loop() {
    namespace asio = boost::asio;
    for (;;) {
      auto [ec, socket] = co_await acceptor_.async_accept(asio::as_tuple(asio::use_awaitable));
      if (ec) co_return;
      ++accepted_;
      asio::co_spawn(io_, serve(std::move(socket)), asio::detached);
    }
  }

  Awaitable<void> serve(boost::asio::ip::tcp::socket socket) {
    namespace asio = boost::asio;
    constexpr auto tuple = asio::as_tuple(asio::use_awaitable);
    std::string pending;
    for (;;) {
      auto [ec, n] = co_await asio::async_read_until(socket, asio::dynamic_buffer(pending), "\r\n\r\n", tuple);
      if (ec) co_return;
      pending.erase(0, n);  // bodiless requests only
      if (!reply_.empty()) co_await asio::async_write(socket, asio::buffer(reply_), tuple);
      if (close_after_reply_) co_return;  // the socket closes here
    }
  }

  std::string reply_;
  bool close_after_reply_;
  boost::asio::io_context io_;
  boost::asio::ip::tcp::acceptor acceptor_{io_};
  std::atomic<int> accepted_{0};
  std::thread thread_;
};

}  // namespace dt::http::testing
