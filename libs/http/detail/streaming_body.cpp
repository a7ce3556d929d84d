#include "http/detail/streaming_body.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/read.hpp>

#include <system_error>

#include "errors/problem.hpp"

namespace dt::http::detail {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;

namespace {

constexpr auto kTuple = asio::as_tuple(asio::use_awaitable);

// What the handler's read throws for a failed read: a problem for the client, or (cancelled by the shutdown
// deadline) a system error that unwinds the handler.
[[noreturn]] void throw_read_error(const boost::system::error_code& ec) {
  if (ec == bhttp::error::body_limit) {
    throw Problem::payload_too_large("the request body is larger than this resource accepts");
  }
  if (ec == beast::error::timeout) {
    throw Problem(408, "request-timeout", "Request timeout", "the client sent no more of the request body in time");
  }
  if (ec == asio::error::operation_aborted) throw boost::system::system_error(ec);
  if (ec == bhttp::error::partial_message || ec == bhttp::error::end_of_stream || ec == asio::error::eof ||
      ec == asio::error::connection_reset) {
    throw Problem::bad_request("the request body ended before it was complete");
  }
  throw Problem::bad_request("malformed request body: " + ec.message());
}

}  // namespace

StreamingBody::StreamingBody(beast::tcp_stream& stream, beast::flat_buffer& buffer,
                             bhttp::request_parser<bhttp::string_body>&& head_parser, std::size_t limit,
                             std::chrono::milliseconds timeout)
    : stream_(stream), buffer_(buffer), parser_(std::move(head_parser)), timeout_(timeout) {
  parser_.body_limit(limit);  // checked per chunk; a declared Content-Length was checked against it already
  if (const auto length = parser_.content_length()) declared_length_ = *length;
  continue_owed_ = parser_.get()[bhttp::field::expect] == "100-continue";
}

Awaitable<std::size_t> StreamingBody::read_some(std::span<char> into) {
  if (into.empty()) co_return 0;
  if (continue_owed_) {
    continue_owed_ = false;
    static constexpr std::string_view kContinue = "HTTP/1.1 100 Continue\r\n\r\n";
    stream_.expires_after(timeout_);
    auto [ec, n] = co_await asio::async_write(stream_, asio::buffer(kContinue), kTuple);
    if (ec) throw_read_error(ec);
  }
  // A read may consume only framing (a chunk header): go on until some body arrives or the body is complete.
  while (!parser_.is_done()) {
    auto& body = parser_.get().body();
    body.data = into.data();
    body.size = into.size();
    stream_.expires_after(timeout_);
    auto [ec, n] = co_await bhttp::async_read_some(stream_, buffer_, parser_, kTuple);
    if (ec == bhttp::error::need_buffer) ec = {};
    if (ec) throw_read_error(ec);
    const std::size_t produced = into.size() - parser_.get().body().size;
    if (produced > 0) co_return produced;
  }
  co_return 0;
}

}  // namespace dt::http::detail
