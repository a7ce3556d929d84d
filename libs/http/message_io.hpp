#pragma once
// Reading and writing HTTP/1.1 messages with as few trips through the scheduler as possible, for the server's
// connections and the gateway's upstream connections.
//
// - read_message_part: bytes already buffered are parsed synchronously (Beast's basic_parser::put); the socket
//   is only awaited when the parser needs more. Beast's async_read on a request that arrived whole still posts
//   its completion through the io_context and runs several composed-operation layers per message.
// - write_all: a non-blocking send is tried first; only what the socket did not take is written asynchronously.
//   A small response that fits the socket buffer is sent without arming a wait or posting a completion.
// The caller sets the stream's timeout (beast::tcp_stream) or its own timer, as before.
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/buffer.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/buffers_suffix.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/read_size.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/basic_parser.hpp>
#include <boost/beast/http/error.hpp>

#include "async/awaitable.hpp"

namespace dt::http::io {

inline boost::asio::ip::tcp::socket& socket_of(boost::asio::ip::tcp::socket& socket) { return socket; }
inline boost::asio::ip::tcp::socket& socket_of(boost::beast::tcp_stream& stream) { return stream.socket(); }

enum class Part { header, message };

// Reads from `stream` into `buffer` and parses until the header (or the whole message) is complete. Returns
// Beast's errors: end_of_stream when the peer closed before the first byte, partial_message when it closed in
// the middle, header_limit, body_limit, a parse error or the stream's own error (timeout, operation_aborted).
template <class Stream, bool isRequest>
Awaitable<boost::system::error_code> read_message_part(Stream& stream, boost::beast::flat_buffer& buffer,
                                                       boost::beast::http::basic_parser<isRequest>& parser, Part part) {
  namespace bhttp = boost::beast::http;
  using boost::system::error_code;
  const auto complete = [&] { return part == Part::header ? parser.is_header_done() : parser.is_done(); };
  parser.eager(part == Part::message);
  for (;;) {
    if (complete()) co_return error_code{};
    if (buffer.size() > 0) {
      error_code ec;
      const std::size_t used = parser.put(buffer.data(), ec);
      buffer.consume(used);
      if (ec && ec != bhttp::error::need_more) co_return ec;
      if (!ec && used > 0) continue;  // progress: the header is done, or part of the body was taken
    }
    const std::size_t room = boost::beast::read_size(buffer, 64 * 1024);
    auto [ec, n] =
        co_await stream.async_read_some(buffer.prepare(room), boost::asio::as_tuple(boost::asio::use_awaitable));
    if (ec == boost::asio::error::eof) {
      if (!parser.got_some()) co_return bhttp::error::end_of_stream;
      error_code eof_ec;
      parser.put_eof(eof_ec);
      if (eof_ec) co_return eof_ec;
      co_return complete() ? error_code{} : error_code(bhttp::error::partial_message);
    }
    if (ec) co_return ec;
    buffer.commit(n);
  }
}

// Writes every byte of `buffers`: synchronously as far as the socket takes them, the rest asynchronously.
template <class Stream, class ConstBufferSequence>
Awaitable<boost::system::error_code> write_all(Stream& stream, const ConstBufferSequence& buffers) {
  using boost::system::error_code;
  auto& socket = socket_of(stream);
  error_code ec;
  if (!socket.non_blocking()) socket.non_blocking(true, ec);
  const std::size_t total = boost::asio::buffer_size(buffers);
  const std::size_t sent = ec ? 0 : socket.write_some(buffers, ec);
  if (!ec && sent == total) co_return error_code{};
  if (ec && ec != boost::asio::error::would_block && ec != boost::asio::error::try_again) co_return ec;
  boost::beast::buffers_suffix<ConstBufferSequence> rest(buffers);
  rest.consume(sent);
  auto [wec, n] = co_await boost::asio::async_write(stream, rest, boost::asio::as_tuple(boost::asio::use_awaitable));
  co_return wec;
}

}  // namespace dt::http::io
