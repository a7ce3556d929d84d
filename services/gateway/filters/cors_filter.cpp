#include "gateway/filters/cors_filter.hpp"

#include <algorithm>
#include <string>

#include "errors/problem.hpp"

namespace dt::gateway::filters {
namespace {

bool origin_allowed(const config::CorsPolicy& policy, std::string_view origin) {
  if (policy.any_origin()) return true;
  return std::find(policy.allowed_origins.begin(), policy.allowed_origins.end(), origin) !=
         policy.allowed_origins.end();
}

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) {
    if (!out.empty()) out += ", ";
    out += item;
  }
  return out;
}

std::string allow_origin_value(const config::CorsPolicy& policy, std::string_view origin) {
  return policy.any_origin() && !policy.allow_credentials ? std::string("*") : std::string(origin);
}

// Adds the headers of an allowed cross-origin answer through `add(name, value)`.
template <class Add>
void cors_headers(const config::CorsPolicy& policy, std::string_view origin, Add add) {
  add("Vary", "Origin");
  if (!origin_allowed(policy, origin)) return;
  add("Access-Control-Allow-Origin", allow_origin_value(policy, origin));
  if (!policy.exposed_headers.empty()) add("Access-Control-Expose-Headers", join(policy.exposed_headers));
  if (policy.allow_credentials) add("Access-Control-Allow-Credentials", "true");
}

}  // namespace

bool is_preflight(const http::Request& request) {
  return request.method == http::Method::options && request.headers.contains("Origin") &&
         request.headers.contains("Access-Control-Request-Method");
}

http::Response preflight_response(const routing::Route* route, const http::Request& request) {
  const auto origin = request.header("Origin");
  if (!route || !route->cors) {
    throw Problem::forbidden("cross-origin requests to this path with this method are not allowed");
  }
  const auto& policy = *route->cors;
  if (!origin_allowed(policy, origin))
    throw Problem::forbidden("the origin " + std::string(origin.substr(0, 200)) + " may not call this API");
  http::Response response = http::Response::no_content();
  response.headers.add("Vary", "Origin");
  response.headers.add("Access-Control-Allow-Origin", allow_origin_value(policy, origin));
  std::string methods;
  for (auto method : route->config.methods) {
    if (!methods.empty()) methods += ", ";
    methods += http::to_string(method);
  }
  response.headers.add("Access-Control-Allow-Methods", methods);
  if (!policy.allowed_headers.empty()) {
    response.headers.add("Access-Control-Allow-Headers", join(policy.allowed_headers));
  }
  response.headers.add("Access-Control-Max-Age", std::to_string(policy.max_age.count()));
  if (policy.allow_credentials) response.headers.add("Access-Control-Allow-Credentials", "true");
  return response;
}

Awaitable<http::Response> CorsFilter::handle(Exchange& exchange, FilterNext next) const {
  const config::CorsPolicy* policy = exchange.route.cors;
  const auto origin = exchange.request.header("Origin");
  if (!policy || origin.empty()) co_return co_await next(exchange);
  const std::string sent_origin(origin);
  http::Response response;
  try {
    response = co_await next(exchange);
  } catch (Problem& problem) {
    cors_headers(*policy, sent_origin,
                 [&](std::string name, std::string value) { problem.with_header(std::move(name), std::move(value)); });
    throw;
  }
  cors_headers(*policy, sent_origin, [&](std::string_view name, std::string value) {
    if (name != "Vary") response.headers.remove(name);
    response.headers.add(std::string(name), std::move(value));
  });
  co_return response;
}

}  // namespace dt::gateway::filters
