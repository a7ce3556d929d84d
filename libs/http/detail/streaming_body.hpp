#pragma once
// StreamingBody: the server's BodyReader for a streaming route. It takes over the Beast parser once the head is
// read, switching it to a buffer_body that reads straight into the handler's buffer; nothing of the body is
// read before the handler asks for it (internal to the server).
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/buffer_body.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/string_body.hpp>

#include <chrono>

#include "http/body_reader.hpp"

namespace dt::http::detail {

class StreamingBody final : public BodyReader {
 public:
  // head_parser has read the head and nothing of the body. The stream and the buffer must outlive this object
  // (they belong to the connection); limit is the route's body limit, timeout bounds each read.
  StreamingBody(boost::beast::tcp_stream& stream, boost::beast::flat_buffer& buffer,
                boost::beast::http::request_parser<boost::beast::http::string_body>&& head_parser, std::size_t limit,
                std::chrono::milliseconds timeout);

  Awaitable<std::size_t> read_some(std::span<char> into) override;
  std::optional<std::uint64_t> content_length() const override { return declared_length_; }
  bool done() const override { return parser_.is_done(); }

  const boost::beast::http::request_header<>& head() const { return parser_.get(); }
  bool keep_alive() const { return parser_.get().keep_alive(); }

 private:
  boost::beast::tcp_stream& stream_;
  boost::beast::flat_buffer& buffer_;
  boost::beast::http::request_parser<boost::beast::http::buffer_body> parser_;
  std::chrono::milliseconds timeout_;
  std::optional<std::uint64_t> declared_length_;
  bool continue_owed_;  // the client sent "Expect: 100-continue" and has not been told to go on yet
};

}  // namespace dt::http::detail
