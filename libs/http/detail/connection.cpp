// The life of one connection: read a request, run the pipeline, write the response, repeat while keep-alive.
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/write.hpp>

#include "http/detail/beast_message.hpp"
#include "http/detail/server_impl.hpp"
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

Awaitable<void> write_and_close(beast::tcp_stream& stream, Response response, unsigned version,
                                std::chrono::milliseconds timeout) {
  auto out = detail::to_beast(std::move(response), version, false, false);
  stream.expires_after(timeout);
  co_await bhttp::async_write(stream, out, kTuple);
  boost::system::error_code ignored;
  stream.socket().shutdown(asio::ip::tcp::socket::shutdown_send, ignored);
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
    parser.body_limit(options.body_limit);
    stream.expires_after(options.header_timeout);
    auto [hec, hn] = co_await bhttp::async_read_header(stream, buffer, parser, kTuple);
    if (!hec && parser.get()[bhttp::field::expect] == "100-continue" && !parser.is_done()) {
      static constexpr std::string_view kContinue = "HTTP/1.1 100 Continue\r\n\r\n";
      co_await asio::async_write(stream, asio::buffer(kContinue), kTuple);
    }
    boost::system::error_code ec = hec;
    if (!ec && !parser.is_done()) {
      stream.expires_after(options.body_timeout);
      auto [bec, bn] = co_await bhttp::async_read(stream, buffer, parser, kTuple);
      ec = bec;
    }
    if (ec) {
      if (auto problem = problem_for_read_error(ec)) {
        co_await write_and_close(stream, problem_response(*problem, "", ""), 11, options.write_timeout);
      }
      break;
    }

    auto message = parser.release();
    const bool keep_alive = message.keep_alive();
    const unsigned version = message.version();
    if (message.target().empty() || message.target()[0] != '/') {
      auto problem = dt::Problem::bad_request("the request target must be an absolute path starting with '/'");
      co_await write_and_close(stream, problem_response(problem, "", ""), version, options.write_timeout);
      break;
    }
    Request request;
    detail::to_request(std::move(message), request);
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
    const bool keep = keep_alive && !stopping.load();
    auto out = detail::to_beast(std::move(response), version, keep, request.method == Method::head);
    stream.expires_after(options.write_timeout);
    auto [wec, wn] = co_await bhttp::async_write(stream, out, kTuple);
    if (wec) break;
    if (!keep) {
      boost::system::error_code ignored;
      stream.socket().shutdown(asio::ip::tcp::socket::shutdown_send, ignored);
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
