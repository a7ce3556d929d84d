#include "http_client/detail/connection.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core/error.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/write.hpp>

#include <stdexcept>
#include <vector>

namespace dt::http::detail {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using asio::ip::tcp;
using Kind = ClientError::Kind;
constexpr auto kTuple = asio::as_tuple(asio::use_awaitable);
constexpr std::uint32_t kHeaderLimit = 64 * 1024;

namespace {

bool closed_by_peer(const boost::system::error_code& ec) {
  return ec == bhttp::error::end_of_stream || ec == asio::error::eof || ec == asio::error::connection_reset ||
         ec == asio::error::broken_pipe;
}

// response_started: some byte of a response had arrived when ec happened.
[[noreturn]] void fail(const boost::system::error_code& ec, bool response_started, const std::string& what) {
  const std::string prefix = "http client: " + what + ": ";
  if (ec == beast::error::timeout) throw ClientError(Kind::timeout, prefix + "no complete response in time");
  // Only the caller cancels (e.g. its own deadline passed), so this is a timeout too.
  if (ec == asio::error::operation_aborted) throw ClientError(Kind::timeout, prefix + "cancelled");
  if (ec == bhttp::error::body_limit) {
    throw ClientError(Kind::body_too_large, prefix + "the response body is larger than max_response_body");
  }
  if (!response_started && closed_by_peer(ec)) {
    throw PeerClosed(prefix + "the server closed the connection before responding");
  }
  throw ClientError(Kind::protocol, prefix + ec.message());
}

}  // namespace

Connection::Connection(Executor executor, std::string host, std::uint16_t port)
    : strand_(asio::make_strand(std::move(executor))), host_(std::move(host)), port_(port) {}

Awaitable<void> Connection::connect(std::chrono::milliseconds timeout) {
  co_await asio::co_spawn(strand_, connect_on_strand(timeout), asio::use_awaitable);
}

Awaitable<BeastClientResponse> Connection::exchange(const BeastClientRequest& request, Clock::time_point deadline,
                                                    std::size_t max_body, const std::string& what) {
  co_return co_await asio::co_spawn(strand_, exchange_on_strand(request, deadline, max_body, what),
                                    asio::use_awaitable);
}

Awaitable<void> Connection::connect_on_strand(std::chrono::milliseconds timeout) {
  stream_.reset();
  buffer_.consume(buffer_.size());
  reusable_ = false;
  exchanges_ = 0;
  const std::string where = host_ + ":" + std::to_string(port_);

  std::vector<tcp::endpoint> endpoints;
  boost::system::error_code ec;
  const auto address = asio::ip::make_address(host_, ec);
  if (!ec) {
    endpoints.emplace_back(address, port_);
  } else {
    tcp::resolver resolver(strand_);
    auto [rec, results] = co_await resolver.async_resolve(host_, std::to_string(port_), kTuple);
    if (rec) throw ClientError(Kind::connect_failed, "http client: cannot resolve " + host_ + ": " + rec.message());
    for (const auto& entry : results) endpoints.push_back(entry.endpoint());
  }

  stream_.emplace(strand_);
  stream_->expires_after(timeout);
  auto [cec, endpoint] = co_await stream_->async_connect(endpoints, kTuple);
  if (cec) {
    stream_.reset();
    if (cec == beast::error::timeout) {
      throw ClientError(Kind::connect_failed, "http client: connect to " + where + " timed out after " +
                                                  std::to_string(timeout.count()) + " ms");
    }
    throw ClientError(Kind::connect_failed, "http client: connect to " + where + " failed: " + cec.message());
  }
  stream_->expires_never();
  boost::system::error_code ignored;
  stream_->socket().set_option(tcp::no_delay(true), ignored);
  idle_since_ = Clock::now();
}

Awaitable<BeastClientResponse> Connection::exchange_on_strand(const BeastClientRequest& request,
                                                              Clock::time_point deadline, std::size_t max_body,
                                                              const std::string& what) {
  if (!stream_) throw std::logic_error("http client: exchange on a connection that is not connected");
  reusable_ = false;
  auto& stream = *stream_;
  stream.expires_at(deadline);
  auto [wec, written] = co_await bhttp::async_write(stream, request, kTuple);
  if (wec) fail(wec, false, what);

  std::optional<bhttp::response_parser<bhttp::string_body>> parser;
  bool started = false;
  for (;;) {
    parser.emplace();
    parser->header_limit(kHeaderLimit);
    parser->body_limit(max_body);
    if (request.method() == bhttp::verb::head) parser->skip(true);
    auto [ec, n] = co_await bhttp::async_read(stream, buffer_, *parser, kTuple);
    if (ec) fail(ec, started || parser->got_some() || buffer_.size() > 0, what);
    started = true;
    const unsigned status = parser->get().result_int();
    if (status < 100 || status >= 200) break;  // 1xx is interim (e.g. 103 Early Hints): the real one follows
  }
  stream.expires_never();
  // Leftover bytes would be read as the next response: such a connection is out of step, not reusable.
  reusable_ = parser->keep_alive() && request.keep_alive() && buffer_.size() == 0;
  ++exchanges_;
  idle_since_ = Clock::now();
  co_return parser->release();
}

}  // namespace dt::http::detail
