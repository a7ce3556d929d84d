#pragma once
// with_timeout(op, d): runs op, cancelling it and throwing TimeoutError when d passes first.
// Include only from .cpp files: it pulls in Asio's parallel-group machinery.
#include <boost/asio/deferred.hpp>
#include <boost/asio/experimental/awaitable_operators.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <chrono>
#include <stdexcept>
#include <string>
#include <variant>

#include "async/awaitable.hpp"

namespace dt::async {

class TimeoutError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

template <class T>
Awaitable<T> with_timeout(Awaitable<T> op, std::chrono::steady_clock::duration timeout, const std::string& what) {
  using namespace boost::asio::experimental::awaitable_operators;
  boost::asio::steady_timer timer(co_await boost::asio::this_coro::executor, timeout);
  auto result = co_await (std::move(op) || timer.async_wait(boost::asio::use_awaitable));
  if (result.index() == 1) throw TimeoutError(what + " timed out");
  if constexpr (std::is_void_v<T>) {
    co_return;
  } else {
    co_return std::move(std::get<0>(result));
  }
}

}  // namespace dt::async
