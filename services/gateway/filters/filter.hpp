#pragma once
// The gateway's filter chain, after Envoy's HTTP filters: each filter is built once from its immutable config
// and handles one Exchange (the request, its matched route and captures) by acting before and after calling
// the rest of the chain, or by answering itself. The last filter (the proxy) answers without calling next.
// The filters and their order are listed in one place: gateway_filters.cpp.
#include <cstddef>
#include <memory>
#include <vector>

#include "async/awaitable.hpp"
#include "gateway/routing/route_table.hpp"
#include "http/request.hpp"
#include "http/response.hpp"

namespace dt::gateway::filters {

struct Exchange {
  http::Request& request;
  const routing::Route& route;
  routing::Captures captures;
  std::shared_ptr<const routing::RouteTable> table;  // keeps `route` alive however long the request takes
};

class FilterChain;

// Calls the rest of the chain; cheap to copy, pass it by value.
class FilterNext {
 public:
  Awaitable<http::Response> operator()(Exchange& exchange) const;

 private:
  friend class FilterChain;
  FilterNext(const FilterChain* chain, std::size_t index) : chain_(chain), index_(index) {}
  const FilterChain* chain_;
  std::size_t index_;
};

class Filter {
 public:
  virtual ~Filter() = default;
  virtual Awaitable<http::Response> handle(Exchange& exchange, FilterNext next) const = 0;
};

class FilterChain {
 public:
  explicit FilterChain(std::vector<std::unique_ptr<Filter>> filters) : filters_(std::move(filters)) {}

  Awaitable<http::Response> run(Exchange& exchange) const { return run_from(0, exchange); }

 private:
  friend class FilterNext;
  // Throws std::logic_error when the last filter calls next.
  Awaitable<http::Response> run_from(std::size_t index, Exchange& exchange) const;

  std::vector<std::unique_ptr<Filter>> filters_;
};

}  // namespace dt::gateway::filters
