#include "cache/connection.hpp"

#include <sys/socket.h>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/connect.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>

#include <cerrno>
#include <utility>

#include "async/timeout.hpp"
#include "cache/command_encoder.hpp"

namespace dt::cache::detail {
namespace asio = boost::asio;
using asio::ip::tcp;

namespace {

std::string ms(std::chrono::milliseconds d) { return std::to_string(d.count()) + " ms"; }

}  // namespace

Connection::Connection(Executor executor, std::string endpoint)
    : strand_(asio::make_strand(std::move(executor))), socket_(strand_), endpoint_(std::move(endpoint)) {}

Awaitable<std::unique_ptr<Connection>> Connection::open(Executor executor, RedisUrl url,
                                                        std::chrono::milliseconds timeout) {
  auto connection = std::make_unique<Connection>(std::move(executor), url.endpoint());
  Connection& c = *connection;
  co_await asio::co_spawn(c.strand_, c.handshake(std::move(url), timeout), asio::use_awaitable);
  co_return connection;
}

Awaitable<void> Connection::handshake(RedisUrl url, std::chrono::milliseconds timeout) {
  try {
    co_await async::with_timeout(connect_and_authenticate(std::move(url)), timeout, "connect");
  } catch (const async::TimeoutError&) {
    throw Unavailable("redis " + endpoint_ + ": connect timed out after " + ms(timeout));
  } catch (const boost::system::system_error& e) {
    throw Unavailable("redis " + endpoint_ + ": cannot connect: " + e.code().message());
  }
}

Awaitable<void> Connection::connect_and_authenticate(RedisUrl url) {
  boost::system::error_code not_an_address;
  const auto address = asio::ip::make_address(url.host, not_an_address);
  if (!not_an_address) {
    co_await socket_.async_connect(tcp::endpoint(address, url.port), asio::use_awaitable);
  } else {
    // A host name. Asio cannot cancel a lookup in progress, so a hanging DNS server can outlast the connect
    // timeout; services use IP addresses or names from /etc/hosts.
    tcp::resolver resolver(strand_);
    const auto results = co_await resolver.async_resolve(url.host, std::to_string(url.port), asio::use_awaitable);
    co_await asio::async_connect(socket_, results, asio::use_awaitable);
  }
  socket_.set_option(tcp::no_delay(true));

  std::string request;
  std::vector<std::string> steps;
  if (!url.password.empty()) {
    request += url.username.empty() ? encode_command({"AUTH", url.password})
                                    : encode_command({"AUTH", url.username, url.password});
    steps.push_back("AUTH failed (check the user and password in the URL)");
  }
  if (url.db != 0) {
    request += encode_command({"SELECT", std::to_string(url.db)});
    steps.push_back("SELECT " + std::to_string(url.db) + " failed");
  }
  if (steps.empty()) co_return;
  const std::vector<Reply> replies = co_await transfer(std::move(request), steps.size());
  for (std::size_t i = 0; i < steps.size(); ++i) replies[i].throw_if_error("redis " + endpoint_ + ": " + steps[i]);
}

Awaitable<std::vector<Reply>> Connection::exchange(std::string request, std::size_t count,
                                                   std::chrono::milliseconds timeout, std::string what) {
  return asio::co_spawn(strand_, exchange_on_strand(std::move(request), count, timeout, std::move(what)),
                        asio::use_awaitable);
}

Awaitable<std::vector<Reply>> Connection::exchange_on_strand(std::string request, std::size_t count,
                                                             std::chrono::milliseconds timeout, std::string what) {
  // Until every reply has been read, a failure leaves the stream out of step: a late reply would be taken as
  // the answer to the next command. Hence broken_ from the first byte written to the last reply read.
  broken_ = true;
  std::vector<Reply> replies;
  try {
    replies = co_await async::with_timeout(transfer(std::move(request), count), timeout, what);
  } catch (const async::TimeoutError&) {
    throw Unavailable("redis " + endpoint_ + ": " + what + " timed out after " + ms(timeout) + " (connection closed)");
  } catch (const boost::system::system_error& e) {
    if (e.code() == asio::error::operation_aborted)
      throw Unavailable("redis " + endpoint_ + ": " + what + " cancelled");
    throw ConnectionLost("redis " + endpoint_ + ": connection lost during " + what + ": " + e.code().message());
  }
  broken_ = !reader_.empty();
  co_return replies;
}

Awaitable<std::vector<Reply>> Connection::transfer(std::string request, std::size_t count) {
  co_await asio::async_write(socket_, asio::buffer(request), asio::use_awaitable);
  std::vector<Reply> replies;
  replies.reserve(count);
  while (replies.size() < count) {
    if (auto reply = reader_.next()) {
      replies.push_back(std::move(*reply));
      continue;
    }
    const std::size_t n = co_await socket_.async_read_some(asio::buffer(buffer_), asio::use_awaitable);
    reader_.feed(buffer_.data(), n);
  }
  co_return replies;
}

bool Connection::looks_alive() {
  if (broken_ || !socket_.is_open()) return false;
  char byte = 0;
  // Peek without blocking: "would block" means open and quiet; 0 means the server closed it (FIN received);
  // a byte means an unasked reply; any other error means reset.
  const ssize_t n = ::recv(socket_.native_handle(), &byte, 1, MSG_PEEK | MSG_DONTWAIT);
  return n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK);
}

}  // namespace dt::cache::detail
