// The life of one connection: read a request, run the pipeline, write the response, repeat while keep-alive.
// A streaming route's body is not read here: the handler pulls it through a StreamingBody.
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/parser.hpp>

#include <array>

#include "http/detail/beast_message.hpp"
#include "http/detail/response_head.hpp"
#include "http/detail/server_impl.hpp"
#include "http/detail/streaming_body.hpp"
#include "http/message_io.hpp"
#include "http/middleware/problem_responder.hpp"
#include "log/log.hpp"

namespace dt::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
constexpr auto kTuple = asio::as_tuple(asio::use_awaitable);

namespace {

// The answer to a request that could not be read; nullopt when the peer is gone or too slow to deserve one.
std::optional<dt::Problem> problem_for_read_error(const boost::system::error_code& ec) {
  if (ec == bhttp::error::header_limit) {
    return dt::Problem(431, "header-too-large", "Request header fields too large",
                       "the request head is larger than the server accepts");
  }
  if (ec == bhttp::error::body_limit) {
    return dt::Problem::payload_too_large("the request body is larger than the server accepts");
  }
  if (ec == bhttp::error::end_of_stream || ec == bhttp::error::partial_message || ec == beast::error::timeout ||
      ec == asio::error::eof || ec == asio::error::operation_aborted || ec == asio::error::connection_reset) {
    return std::nullopt;
  }
  if (ec.category() == make_error_code(bhttp::error::bad_target).category()) {
    return dt::Problem::bad_request("malformed HTTP request: " + ec.message());
  }
  return std::nullopt;
}

// Writes a response in one gather write: the head (formatted into `head`, reused between requests) and the body.
Awaitable<boost::system::error_code> write_response(beast::tcp_stream& stream, const Response& response,
                                                    const detail::ResponseFraming& framing, std::string& head,
                                                    std::chrono::milliseconds timeout) {
  head.clear();
  detail::write_response_head(response, framing, head);
  std::array<asio::const_buffer, 2> buffers;
  buffers[0] = asio::buffer(head);
  if (detail::response_has_body(response.status, framing.head_request)) buffers[1] = asio::buffer(response.body);
  stream.expires_after(timeout);
  co_return co_await io::write_all(stream, buffers);
}

Awaitable<void> write_and_close(beast::tcp_stream& stream, Response response, unsigned version,
                                std::chrono::milliseconds timeout) {
  detail::ResponseFraming framing;
  framing.version = version;
  framing.keep_alive = false;
  std::string head;
  co_await write_response(stream, response, framing, head, timeout);
  boost::system::error_code ignored;
  stream.socket().shutdown(asio::ip::tcp::socket::shutdown_send, ignored);
}

// The path of a request target, to find its route before the request is built.
std::string_view path_of(std::string_view target) { return target.substr(0, target.find('?')); }

// A lingering close, after answering a request whose body was not read to its end: what the client still sends
// is read and dropped for a short while, so that it reads the answer rather than a connection reset.
Awaitable<void> drain(beast::tcp_stream& stream) {
  static constexpr auto kLinger = std::chrono::seconds(2);
  std::array<char, 16 * 1024> sink;
  stream.expires_after(kLinger);
  for (;;) {
    auto [ec, n] = co_await stream.async_read_some(asio::buffer(sink), kTuple);
    if (ec) break;
  }
}

std::string remote_ip_of(beast::tcp_stream& stream) {
  boost::system::error_code ec;
  auto endpoint = stream.socket().remote_endpoint(ec);
  return ec ? std::string() : endpoint.address().to_string();
}

}  // namespace

Awaitable<void> Server::Impl::serve(std::shared_ptr<detail::Connection> connection) {
  auto& stream = connection->stream;
  const std::string remote_ip = remote_ip_of(stream);
  beast::flat_buffer buffer;
  std::string response_head;
  for (;;) {
    connection->idle = true;
    if (buffer.size() == 0) {
      if (stopping.load()) break;
      stream.expires_after(options.idle_timeout);
      auto [ec, n] = co_await stream.async_read_some(buffer.prepare(4096), kTuple);
      if (ec) break;
      buffer.commit(n);
    }
    connection->idle = false;

    bhttp::request_parser<bhttp::string_body> parser;
    parser.header_limit(static_cast<std::uint32_t>(options.header_limit));
    // With streaming routes the body limit depends on the route: it is applied once the head is known.
    if (options.streaming_body) {
      parser.body_limit(boost::none);
    } else {
      parser.body_limit(options.body_limit);
    }
    stream.expires_after(options.header_timeout);
    boost::system::error_code ec = co_await io::read_message_part(stream, buffer, parser, io::Part::header);
    std::optional<std::size_t> streaming_limit;
    if (!ec && options.streaming_body && !parser.is_done()) {
      const auto& head = parser.get();
      streaming_limit = options.streaming_body(parse_method(head.method_string()), path_of(head.target()));
      const std::size_t limit = streaming_limit.value_or(options.body_limit);
      if (parser.content_length().value_or(0) > limit) {
        ec = bhttp::error::body_limit;
      } else if (!streaming_limit) {
        parser.body_limit(options.body_limit);
      }
    }
    if (!ec && !streaming_limit && parser.get()[bhttp::field::expect] == "100-continue" && !parser.is_done()) {
      static constexpr std::string_view kContinue = "HTTP/1.1 100 Continue\r\n\r\n";
      const auto interim = asio::buffer(kContinue);
      co_await io::write_all(stream, interim);
    }
    if (!ec && !streaming_limit && !parser.is_done()) {
      stream.expires_after(options.body_timeout);
      ec = co_await io::read_message_part(stream, buffer, parser, io::Part::message);
    }
    if (ec) {
      if (auto problem = problem_for_read_error(ec)) {
        co_await write_and_close(stream, problem_response(*problem, "", ""), 11, options.write_timeout);
        // A body refused for its size may still be on its way: let the client read the 413.
        if (ec == bhttp::error::body_limit) co_await drain(stream);
      }
      break;
    }

    const bool keep_alive = parser.get().keep_alive();
    const unsigned version = parser.get().version();
    if (parser.get().target().empty() || parser.get().target()[0] != '/') {
      auto problem = dt::Problem::bad_request("the request target must be an absolute path starting with '/'");
      co_await write_and_close(stream, problem_response(problem, "", ""), version, options.write_timeout);
      break;
    }
    Request request;
    std::shared_ptr<detail::StreamingBody> streaming;
    if (streaming_limit) {
      streaming = std::make_shared<detail::StreamingBody>(stream, buffer, std::move(parser), *streaming_limit,
                                                          options.body_timeout);
      detail::to_request_head(streaming->head(), request);
      request.body_reader = streaming;
    } else {
      detail::to_request(parser.release(), request);
    }
    request.remote_ip = remote_ip;
    Response response;
    try {
      response = co_await pipeline.handle(request);
    } catch (const std::exception& e) {
      log::error("request failed outside the problem responder",
                 {{"request_id", request.request_id}, {"path", request.path}, {"error", e.what()}});
      response = problem_response(dt::Problem(500, "internal", "Internal server error", "unexpected server error"),
                                  request.path, request.request_id);
    }
    // A streaming body the handler did not read to its end leaves the connection out of step: it closes.
    const bool body_unread = streaming && !streaming->done();
    const bool keep = keep_alive && !stopping.load() && !body_unread;
    detail::ResponseFraming framing;
    framing.version = version;
    framing.keep_alive = keep;
    framing.head_request = request.method == Method::head;
    const auto wec = co_await write_response(stream, response, framing, response_head, options.write_timeout);
    if (wec) break;
    if (!keep) {
      boost::system::error_code ignored;
      stream.socket().shutdown(asio::ip::tcp::socket::shutdown_send, ignored);
      if (body_unread) co_await drain(stream);
      break;
    }
  }
  stream.close();
}

Awaitable<void> Server::Impl::reject(asio::ip::tcp::socket socket) {
  beast::tcp_stream stream(std::move(socket));
  log::warn("connection refused: too many connections", {{"limit", options.max_connections}});
  co_await write_and_close(stream,
                           problem_response(dt::Problem::unavailable("the server has too many open connections; "
                                                                     "retry shortly"),
                                            "", ""),
                           11, std::chrono::milliseconds(1000));
  stream.close();
}

}  // namespace dt::http
