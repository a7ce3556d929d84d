#pragma once
// with_timeout(op, d): runs op, cancelling it and throwing TimeoutError when d passes first.
// Include only from .cpp files: it pulls in Asio's parallel-group machinery.
#include <boost/asio/deferred.hpp>
#include <boost/asio/experimental/awaitable_operators.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <chrono>
#include <exception>
#include <optional>
#include <stdexcept>
#include <string>
#include <variant>

#include "async/awaitable.hpp"

namespace dt::async {

class TimeoutError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

namespace detail {

template <class T>
struct Outcome {
  std::exception_ptr error;
  std::optional<T> value;
};
template <>
struct Outcome<void> {
  std::exception_ptr error;
};

// Turns a failure into a value: Asio's `||` waits for the first *success*, so an operation that throws must not
// lose the race to the timer (its error would turn into a timeout, and only when the timer fires).
template <class T>
Awaitable<Outcome<T>> capture(Awaitable<T> op) {
  Outcome<T> out;
  try {
    if constexpr (std::is_void_v<T>) {
      co_await std::move(op);
    } else {
      out.value.emplace(co_await std::move(op));
    }
  } catch (...) {
    out.error = std::current_exception();
  }
  co_return out;
}

}  // namespace detail

template <class T>
Awaitable<T> with_timeout(Awaitable<T> op, std::chrono::steady_clock::duration timeout, const std::string& what) {
  using namespace boost::asio::experimental::awaitable_operators;
  boost::asio::steady_timer timer(co_await boost::asio::this_coro::executor, timeout);
  auto result = co_await (detail::capture(std::move(op)) || timer.async_wait(boost::asio::use_awaitable));
  if (result.index() == 1) throw TimeoutError(what + " timed out");
  auto& outcome = std::get<0>(result);
  if (outcome.error) std::rethrow_exception(outcome.error);
  if constexpr (!std::is_void_v<T>) co_return std::move(*outcome.value);
}

}  // namespace dt::async
