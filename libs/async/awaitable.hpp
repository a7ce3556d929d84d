#pragma once
// The one async style of the project: C++20 coroutines on Asio. This header is light; include it in APIs.
#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>

namespace dt {

template <class T = void>
using Awaitable = boost::asio::awaitable<T>;

using Executor = boost::asio::any_io_executor;

}  // namespace dt
