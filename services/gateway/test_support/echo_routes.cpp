#include "gateway/test_support/echo_routes.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

#include <algorithm>
#include <cctype>

namespace dt::gateway::testing {

Awaitable<http::Response> EchoMiddleware::handle(http::Request& request, http::Next next) {
  if (request.path == "/metrics" || request.path.starts_with("/health/")) co_return co_await next(request);
  ++requests_;
  if (request.path == "/bench/json") co_return http::Response::json_text(200, std::string(kBenchBody));
  if (const auto delay = request.query_param("delay_ms")) {
    boost::asio::steady_timer timer(co_await boost::asio::this_coro::executor,
                                    std::chrono::milliseconds(std::stol(*delay)));
    co_await timer.async_wait(boost::asio::as_tuple(boost::asio::use_awaitable));
  }
  boost::json::object headers;
  for (const auto& [name, value] : request.headers.entries()) {
    std::string key = name;
    std::transform(key.begin(), key.end(), key.begin(), [](unsigned char c) { return std::tolower(c); });
    if (auto* seen = headers.if_contains(key)) {
      *seen = std::string(seen->as_string()) + ", " + value;
    } else {
      headers[key] = value;
    }
  }
  boost::json::object body;
  body["instance"] = instance_id_;
  body["method"] = request.method_text;
  body["target"] = request.target;
  body["headers"] = std::move(headers);
  body["body"] = request.body;
  const int status = request.query_param("status") ? std::stoi(*request.query_param("status")) : 200;
  co_return http::Response::json_text(status, boost::json::serialize(body));
}

}  // namespace dt::gateway::testing
