#include "gateway/gateway_filters.hpp"

#include "gateway/filters/auth_filter.hpp"
#include "gateway/filters/body_limit_filter.hpp"
#include "gateway/filters/cors_filter.hpp"
#include "gateway/filters/rate_limit_filter.hpp"
#include "gateway/proxy/proxy_filter.hpp"

namespace dt::gateway {

std::unique_ptr<filters::FilterChain> gateway_filters(const FilterDependencies& d) {
  std::vector<std::unique_ptr<filters::Filter>> chain;
  chain.push_back(std::make_unique<filters::CorsFilter>());
  chain.push_back(std::make_unique<filters::BodyLimitFilter>());
  chain.push_back(std::make_unique<filters::AuthFilter>(d.authenticator, d.metrics));
  chain.push_back(std::make_unique<filters::RateLimitFilter>(d.limiter));
  chain.push_back(std::make_unique<proxy::ProxyFilter>(d.clusters, d.pools, d.metrics));
  return std::make_unique<filters::FilterChain>(std::move(chain));
}

}  // namespace dt::gateway
