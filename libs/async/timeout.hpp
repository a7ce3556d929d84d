#pragma once
// with_timeout(op, d, what): runs op; when d passes first, op is cancelled and TimeoutError("<what> timed out")
// is thrown. A failure of op is rethrown at once, as itself.
// op and the timer run on one strand: each is cancelled from the other's completion, and Asio's cancellation
// slots must not be used from two threads at once (the runtime's io_context has several threads). An op that
// finished successfully wins even when the timer fired at the same moment.
// Include only from .cpp files: it pulls in Asio's parallel-group machinery.
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/deferred.hpp>
#include <boost/asio/experimental/parallel_group.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <chrono>
#include <exception>
#include <string>
#include <type_traits>

#include "async/awaitable.hpp"
#include "async/timeout_error.hpp"

namespace dt::async {

template <class T>
Awaitable<T> with_timeout(Awaitable<T> op, std::chrono::steady_clock::duration timeout, const std::string& what) {
  namespace asio = boost::asio;
  const auto strand = asio::make_strand(co_await asio::this_coro::executor);
  asio::steady_timer timer(strand, timeout);
  auto group = asio::experimental::make_parallel_group(asio::co_spawn(strand, std::move(op), asio::deferred),
                                                       timer.async_wait(asio::deferred));
  if constexpr (std::is_void_v<T>) {
    auto [order, op_error, timer_error] =
        co_await group.async_wait(asio::experimental::wait_for_one(), asio::use_awaitable);
    if (!op_error) co_return;
    if (order[0] == 1 && !timer_error) throw TimeoutError(what + " timed out");
    std::rethrow_exception(op_error);
  } else {
    auto [order, op_error, value, timer_error] =
        co_await group.async_wait(asio::experimental::wait_for_one(), asio::use_awaitable);
    if (!op_error) co_return std::move(value);
    if (order[0] == 1 && !timer_error) throw TimeoutError(what + " timed out");
    std::rethrow_exception(op_error);
  }
}

}  // namespace dt::async
