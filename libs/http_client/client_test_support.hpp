#pragma once
// Test helpers for dt_http_client: a client on its own io_context, and a kit server with routes for it.
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <chrono>
#include <exception>
#include <functional>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "http/router.hpp"
#include "http_client/http_client.hpp"

namespace dt::http::testing {

class ClientHarness {
 public:
  explicit ClientHarness(ClientOptions options = {}) : client_(io_.get_executor(), options) {}

  HttpClient& client() { return client_; }

  // Runs body on `threads` threads until it is done; rethrows what it threw.
  void run(const std::function<Awaitable<void>()>& body, unsigned threads = 1) {
    std::exception_ptr failure;
    io_.restart();
    boost::asio::co_spawn(io_, body(), [&](std::exception_ptr e) { failure = e; });
    {
      std::vector<std::jthread> more;
      for (unsigned i = 1; i < threads; ++i) more.emplace_back([this] { io_.run(); });
      io_.run();
    }
    if (failure) std::rethrow_exception(failure);
  }

  // One request, run to completion.
  ClientResponse send(const std::string& url, ClientRequest request = {}) {
    ClientResponse out;
    run([&]() -> Awaitable<void> { out = co_await client_.send(url, std::move(request)); });
    return out;
  }

  // The kind of ClientError that one request ends with; nullopt when it got a response.
  std::optional<ClientError::Kind> error_of(const std::string& url, ClientRequest request = {}) {
    try {
      send(url, std::move(request));
    } catch (const ClientError& e) {
      return e.kind();
    }
    return std::nullopt;
  }

 private:
  boost::asio::io_context io_;
  HttpClient client_;
};

inline Awaitable<void> sleep_for(std::chrono::milliseconds d) {
  boost::asio::steady_timer timer(co_await boost::asio::this_coro::executor, d);
  co_await timer.async_wait(boost::asio::use_awaitable);
}

inline std::string url(std::uint16_t port, std::string_view target) {
  return "http://127.0.0.1:" + std::to_string(port) + std::string(target);
}

// GET /hello, POST /echo (body and Content-Type back), GET /headers (the request's headers, one per line),
// GET /status/{code}, GET /sleep/{ms}, GET /big/{bytes}.
inline Router client_test_routes() {
  Router r;
  r.add(Method::get, "/hello", [](Request&) -> Awaitable<Response> { co_return Response::text(200, "hello"); });
  r.add(Method::post, "/echo", [](Request& req) -> Awaitable<Response> {
    co_return Response::text(200, req.body, std::string(req.header("Content-Type")));
  });
  r.add(Method::get, "/headers", [](Request& req) -> Awaitable<Response> {
    std::string out;
    for (const auto& [name, value] : req.headers.entries()) out += name + ": " + value + "\n";
    co_return Response::text(200, out);
  });
  r.add(Method::get, "/status/{code}", [](Request& req) -> Awaitable<Response> {
    co_return Response::text(std::stoi(req.param("code")), "status " + req.param("code"));
  });
  r.add(Method::get, "/sleep/{ms}", [](Request& req) -> Awaitable<Response> {
    co_await sleep_for(std::chrono::milliseconds(std::stoi(req.param("ms"))));
    co_return Response::text(200, "slept");
  });
  r.add(Method::get, "/big/{bytes}", [](Request& req) -> Awaitable<Response> {
    co_return Response::text(200, std::string(std::stoul(req.param("bytes")), 'x'));
  });
  return r;
}

}  // namespace dt::http::testing
