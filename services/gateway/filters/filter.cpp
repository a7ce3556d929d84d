#include "gateway/filters/filter.hpp"

#include <stdexcept>

namespace dt::gateway::filters {

Awaitable<http::Response> FilterNext::operator()(Exchange& exchange) const {
  return chain_->run_from(index_, exchange);
}

Awaitable<http::Response> FilterChain::run_from(std::size_t index, Exchange& exchange) const {
  if (index >= filters_.size()) throw std::logic_error("gateway: the last filter called next");
  return filters_[index]->handle(exchange, FilterNext(this, index + 1));
}

}  // namespace dt::gateway::filters
