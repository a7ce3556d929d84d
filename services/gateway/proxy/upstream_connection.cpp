#include "gateway/proxy/upstream_connection.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/parser.hpp>

#include <array>
#include <vector>

#include "http/message_io.hpp"

namespace dt::gateway::proxy {

namespace asio = boost::asio;
namespace bhttp = boost::beast::http;
using asio::ip::tcp;
using Kind = http::ClientError::Kind;
constexpr auto kTuple = asio::as_tuple(asio::use_awaitable);
constexpr std::uint32_t kHeaderLimit = 64 * 1024;

namespace {

bool closed_by_peer(const boost::system::error_code& ec) {
  return ec == bhttp::error::end_of_stream || ec == asio::error::eof || ec == asio::error::connection_reset ||
         ec == asio::error::broken_pipe;
}

[[noreturn]] void fail(const boost::system::error_code& ec, bool timed_out, bool response_started,
                       std::string_view what) {
  const std::string prefix = "upstream " + std::string(what) + ": ";
  if (timed_out || ec == asio::error::operation_aborted) {
    throw http::ClientError(Kind::timeout, prefix + "no complete response in time");
  }
  if (ec == bhttp::error::body_limit) {
    throw http::ClientError(Kind::body_too_large, prefix + "the response body is larger than allowed");
  }
  if (!response_started && closed_by_peer(ec)) {
    throw ClosedBeforeResponse(prefix + "the instance closed the connection before responding");
  }
  throw http::ClientError(Kind::protocol, prefix + ec.message());
}

}  // namespace

UpstreamConnection::UpstreamConnection(Executor executor)
    : guarded_(std::make_shared<Guarded>(executor)), timer_(executor) {}

void UpstreamConnection::arm(Clock::time_point deadline) {
  timed_out_ = false;
  const auto operation = ++guarded_->operation;
  timer_.expires_at(deadline);
  timer_.async_wait([this, weak = std::weak_ptr<Guarded>(guarded_), operation](boost::system::error_code ec) {
    const auto guarded = weak.lock();
    if (ec || !guarded || guarded->operation != operation) return;
    timed_out_ = true;
    boost::system::error_code ignored;
    guarded->socket.cancel(ignored);
  });
}

void UpstreamConnection::disarm() {
  ++guarded_->operation;
  timer_.cancel();
}

Awaitable<void> UpstreamConnection::connect(const std::string& host, std::uint16_t port,
                                            std::chrono::milliseconds timeout) {
  const std::string where = host + ":" + std::to_string(port);
  std::vector<tcp::endpoint> endpoints;
  boost::system::error_code ec;
  const auto address = asio::ip::make_address(host, ec);
  if (!ec) {
    endpoints.emplace_back(address, port);
  } else {
    tcp::resolver resolver(timer_.get_executor());
    auto [rec, results] = co_await resolver.async_resolve(host, std::to_string(port), kTuple);
    if (rec) throw http::ClientError(Kind::connect_failed, "upstream: cannot resolve " + host + ": " + rec.message());
    for (const auto& entry : results) endpoints.push_back(entry.endpoint());
  }
  arm(Clock::now() + timeout);
  auto [cec, endpoint] = co_await asio::async_connect(guarded_->socket, endpoints, kTuple);
  disarm();
  if (cec) {
    const std::string why = timed_out_ ? "timed out" : cec.message();
    throw http::ClientError(Kind::connect_failed, "upstream: connect to " + where + " failed: " + why);
  }
  boost::system::error_code ignored;
  guarded_->socket.set_option(tcp::no_delay(true), ignored);
  idle_since_ = Clock::now();
}

Awaitable<UpstreamResponse> UpstreamConnection::exchange(std::string_view start, std::string_view rest,
                                                         std::string_view body, bool head_request,
                                                         Clock::time_point deadline, std::size_t max_body,
                                                         std::string_view what) {
  reusable_ = false;
  auto& socket = guarded_->socket;
  arm(deadline);
  const std::array<asio::const_buffer, 3> buffers{asio::buffer(start), asio::buffer(rest), asio::buffer(body)};
  const auto wec = co_await http::io::write_all(socket, buffers);
  if (wec) {
    disarm();
    fail(wec, timed_out_, false, what);
  }
  std::optional<bhttp::response_parser<bhttp::string_body>> parser;
  bool started = false;
  for (;;) {
    parser.emplace();
    parser->header_limit(kHeaderLimit);
    parser->body_limit(max_body);
    if (head_request) parser->skip(true);
    const auto ec = co_await http::io::read_message_part(socket, buffer_, *parser, http::io::Part::message);
    if (ec) {
      disarm();
      fail(ec, timed_out_, started || parser->got_some() || buffer_.size() > 0, what);
    }
    started = true;
    const unsigned status = parser->get().result_int();
    if (status < 100 || status >= 200) break;  // 1xx is interim: the real response follows
  }
  disarm();
  // Leftover bytes would be read as the next response: such a connection is out of step.
  reusable_ = parser->keep_alive() && buffer_.size() == 0;
  ++exchanges_;
  idle_since_ = Clock::now();
  co_return parser->release();
}

}  // namespace dt::gateway::proxy
