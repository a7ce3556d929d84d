#pragma once
// RouteTable: the compiled route file, immutable once built (a reload builds a new one and swaps it in whole).
// match() finds the route for a method and path (pure): among the routes whose upstream template matches the
// path, the most specific (PathTemplate::more_specific_than; file order between equals) that allows the method.
// A path some route matches with other methods only is a 405 listing them; a path no route matches, a 404.
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "gateway/config/gateway_config.hpp"
#include "gateway/routing/path_template.hpp"
#include "http/method.hpp"

namespace dt::gateway::routing {

struct Route {
  config::RouteConfig config;
  std::string_view label;  // the route's name, interned: valid for the whole process (Request::route points here)
  PathTemplate upstream;
  std::optional<PathTemplate> downstream;
  const config::ServiceConfig* service = nullptr;       // into the table's config
  const config::RateLimitPolicy* rate_limit = nullptr;  // nullptr: not rate limited
  const config::CorsPolicy* cors = nullptr;             // nullptr: no CORS headers

  // HEAD is allowed wherever GET is.
  bool allows(http::Method method) const;
  // The route's `idempotent` when set, else RFC 9110's idempotent methods (GET, HEAD, OPTIONS, PUT, DELETE).
  bool idempotent(http::Method method) const;
  // The path and query the service receives: the downstream template filled with the captures (or the request's
  // path unchanged when the route has none), then "?query" when there is one.
  std::string downstream_target(std::string_view path, std::string_view query, const Captures& captures) const;
};

struct RouteMatch {
  enum class Outcome { found, no_route, method_not_allowed };
  Outcome outcome = Outcome::no_route;
  const Route* route = nullptr;  // when found
  Captures captures;             // when found
  std::string allow;             // when method_not_allowed: "GET, HEAD, POST"
};

class RouteTable {
 public:
  // Throws std::invalid_argument when a template does not parse or a policy a route names is missing (a config
  // from parse_gateway_config has neither).
  explicit RouteTable(config::GatewayConfig config);
  RouteTable(const RouteTable&) = delete;
  RouteTable& operator=(const RouteTable&) = delete;

  RouteMatch match(http::Method method, std::string_view path) const;

  // The routes, most specific first.
  const std::vector<Route>& routes() const { return routes_; }
  const config::GatewayConfig& config() const { return config_; }

 private:
  config::GatewayConfig config_;
  std::vector<Route> routes_;
};

}  // namespace dt::gateway::routing
