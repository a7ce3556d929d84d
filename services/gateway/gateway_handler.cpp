#include "gateway/gateway_handler.hpp"

#include "errors/problem.hpp"
#include "gateway/filters/cors_filter.hpp"
#include "gateway/routing/request_target.hpp"

namespace dt::gateway {
namespace {

bool is_own_endpoint(std::string_view path) {
  return path == "/metrics" || path == "/health/live" || path == "/health/ready";
}

// Only "chunked" is a transfer coding the gateway reads; anything else ("gzip, chunked", a coding after chunked)
// would leave the body's end to interpretation.
bool unsupported_transfer_coding(const http::Headers& headers) {
  for (const auto& [name, value] : headers.entries()) {
    if (http::iequals(name, "Transfer-Encoding") && !http::iequals(value, "chunked")) return true;
  }
  return false;
}

bool is_api_path(std::string_view path) { return path == "/api" || path.starts_with("/api/"); }

}  // namespace

GatewayHandler::GatewayHandler(const routing::RouteTableHolder& routes, const filters::FilterChain& chain,
                               const static_files::StaticSite& site)
    : routes_(routes), chain_(chain), site_(site) {}

Awaitable<http::Response> GatewayHandler::handle(http::Request& request, http::Next next) {
  if (is_own_endpoint(request.path)) co_return co_await next(request);
  if (const auto why = routing::check_request_target(request.target)) {
    request.route = "rejected";
    throw Problem::bad_request(*why);
  }
  if (request.version >= 11 && !request.headers.contains("Host")) {
    request.route = "rejected";
    throw Problem::bad_request("an HTTP/1.1 request must carry a Host header");
  }
  if (unsupported_transfer_coding(request.headers)) {
    request.route = "rejected";
    throw Problem::bad_request("the only transfer coding accepted is \"chunked\"");
  }
  auto table = routes_.current();
  if (filters::is_preflight(request)) {
    request.route = "preflight";
    const auto requested = http::parse_method(request.header("Access-Control-Request-Method"));
    const auto match = table->match(requested, request.path);
    co_return filters::preflight_response(match.route, request);
  }
  auto match = table->match(request.method, request.path);
  switch (match.outcome) {
    case routing::RouteMatch::Outcome::found: {
      request.route = match.route->label;
      filters::Exchange exchange{
          .request = request, .route = *match.route, .captures = std::move(match.captures), .table = std::move(table)};
      co_return co_await chain_.run(exchange);
    }
    case routing::RouteMatch::Outcome::method_not_allowed:
      throw Problem::method_not_allowed("this path does not take " + request.method_text.substr(0, 20), match.allow);
    case routing::RouteMatch::Outcome::no_route:
      break;
  }
  if (is_api_path(request.path)) throw Problem::not_found("no API route matches this path");
  request.route = "static";
  co_return site_.serve(request);
}

}  // namespace dt::gateway
