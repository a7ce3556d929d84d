#include "auth/test_support/jwks_server.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <mutex>

namespace dt::auth::testing {

struct JwksServer::State {
  std::mutex mutex;
  std::string document;
  int status = 200;
  std::chrono::milliseconds delay{0};
  std::atomic<int> fetches{0};
};

JwksServer::JwksServer(std::string document) : state_(std::make_shared<State>()), server_(routes(state_)) {
  set_document(std::move(document));
}

std::string JwksServer::url() const { return "http://127.0.0.1:" + std::to_string(server_.port()) + "/certs"; }

int JwksServer::fetches() const { return state_->fetches.load(); }

void JwksServer::set_document(std::string document) {
  std::lock_guard lock(state_->mutex);
  state_->document = std::move(document);
}

void JwksServer::set_status(int status) {
  std::lock_guard lock(state_->mutex);
  state_->status = status;
}

void JwksServer::set_delay(std::chrono::milliseconds delay) {
  std::lock_guard lock(state_->mutex);
  state_->delay = delay;
}

void JwksServer::stop() { server_.stop(); }

http::Router JwksServer::routes(std::shared_ptr<State> state) {
  http::Router router;
  router.add(http::Method::get, "/certs", [state](http::Request&) -> Awaitable<http::Response> {
    ++state->fetches;
    std::chrono::milliseconds delay;
    http::Response response;
    {
      std::lock_guard lock(state->mutex);
      delay = state->delay;
      response = http::Response::json_text(state->status, state->document);
    }
    if (delay.count() > 0) {
      boost::asio::steady_timer timer(co_await boost::asio::this_coro::executor, delay);
      co_await timer.async_wait(boost::asio::use_awaitable);
    }
    co_return response;
  });
  return router;
}

std::string unreachable_url() {
  boost::asio::io_context io;
  boost::asio::ip::tcp::acceptor acceptor(io, {boost::asio::ip::make_address("127.0.0.1"), 0});
  const auto port = acceptor.local_endpoint().port();
  acceptor.close();
  return "http://127.0.0.1:" + std::to_string(port) + "/certs";
}

}  // namespace dt::auth::testing
