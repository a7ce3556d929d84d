#include "http/pipeline.hpp"

namespace dt::http {

Awaitable<Response> Next::operator()(Request& request) const { return pipeline_->run(index_, request); }

Pipeline::Pipeline(std::vector<std::unique_ptr<Middleware>> middlewares, Handler terminal)
    : middlewares_(std::move(middlewares)), terminal_(std::move(terminal)) {}

Awaitable<Response> Pipeline::run(std::size_t index, Request& request) const {
  if (index == middlewares_.size()) return terminal_(request);
  return middlewares_[index]->handle(request, Next(this, index + 1));
}

}  // namespace dt::http
