#pragma once
// run_blocking(io, body, threads): tests' way to run a coroutine to completion on an io_context (with extra
// threads, to exercise the kit's thread safety) and rethrow what it threw.
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>

#include <exception>
#include <thread>
#include <vector>

namespace dt::async::testing {

template <class F>
void run_blocking(boost::asio::io_context& io, F body, unsigned threads = 1) {
  std::exception_ptr failure;
  io.restart();
  boost::asio::co_spawn(io, std::move(body), [&](std::exception_ptr e) { failure = e; });
  std::vector<std::thread> extra;
  for (unsigned i = 1; i < threads; ++i) extra.emplace_back([&io] { io.run(); });
  io.run();
  for (auto& t : extra) t.join();
  if (failure) std::rethrow_exception(failure);
}

}  // namespace dt::async::testing
