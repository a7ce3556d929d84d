#pragma once
// Pipeline: the middleware chain in front of the router, in the spirit of Envoy's filter chain. Each middleware
// gets the request and `next`; it may act before and after calling next, or answer without calling it.
// The order is the order of the list; the last step is the terminal handler (normally Router::dispatch).
#include <cstddef>
#include <memory>
#include <vector>

#include "http/handler.hpp"

namespace dt::http {

class Pipeline;

// Calls the rest of the chain. Cheap to copy: pass it by value (a coroutine must not keep a reference to it).
class Next {
 public:
  Awaitable<Response> operator()(Request& request) const;

 private:
  friend class Pipeline;
  Next(const Pipeline* pipeline, std::size_t index) : pipeline_(pipeline), index_(index) {}
  const Pipeline* pipeline_;
  std::size_t index_;
};

class Middleware {
 public:
  virtual ~Middleware() = default;
  virtual Awaitable<Response> handle(Request& request, Next next) = 0;
};

class Pipeline {
 public:
  Pipeline(std::vector<std::unique_ptr<Middleware>> middlewares, Handler terminal);

  Awaitable<Response> handle(Request& request) const { return run(0, request); }

 private:
  friend class Next;
  Awaitable<Response> run(std::size_t index, Request& request) const;

  std::vector<std::unique_ptr<Middleware>> middlewares_;
  Handler terminal_;
};

}  // namespace dt::http
