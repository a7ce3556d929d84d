#pragma once
// Runs a pipeline on one request synchronously, for middleware unit tests.
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>

#include "http/pipeline.hpp"

namespace dt::http::testing {

inline Response run_pipeline(const Pipeline& pipeline, Request& request) {
  boost::asio::io_context io;
  Response out;
  boost::asio::co_spawn(
      io, [&]() -> Awaitable<void> { out = co_await pipeline.handle(request); }, boost::asio::detached);
  io.run();
  return out;
}

inline Pipeline single(std::unique_ptr<Middleware> middleware, Handler terminal) {
  std::vector<std::unique_ptr<Middleware>> chain;
  chain.push_back(std::move(middleware));
  return Pipeline(std::move(chain), std::move(terminal));
}

}  // namespace dt::http::testing
