#pragma once
// GatewayConfig: the route file (services/gateway/routes.json, docs/gateway.md) as plain values, validated by
// parse_gateway_config. In the file's words, after Ocelot: the *upstream* path is what clients call on the
// gateway, the *downstream* path is what the service receives.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "http/method.hpp"

namespace dt::gateway::config {

enum class AuthMode {
  anonymous,  // no token needed; a token that is sent must be valid and its identity is passed on
  signed_in,  // a valid token
  role,       // a valid token whose principal has `role`
};

struct AuthRequirement {
  AuthMode mode = AuthMode::anonymous;
  std::string role;  // for AuthMode::role
};

// A token bucket: `burst` tokens at most, refilled at rate_per_second.
struct BucketLimit {
  double rate_per_second = 0;
  std::int64_t burst = 0;
};

struct RateLimitPolicy {
  std::string name;
  std::optional<BucketLimit> per_ip;    // keyed by the client's address
  std::optional<BucketLimit> per_user;  // keyed by the verified token's subject; anonymous requests skip it
};

struct CorsPolicy {
  std::string name;
  std::vector<std::string> allowed_origins;  // exact origins ("http://localhost:5173") or the single entry "*"
  std::vector<std::string> allowed_headers;  // request headers a browser may send
  std::vector<std::string> exposed_headers;  // response headers scripts may read
  std::chrono::seconds max_age{600};         // how long a browser may cache a preflight answer
  bool allow_credentials = false;

  bool any_origin() const { return allowed_origins.size() == 1 && allowed_origins.front() == "*"; }
};

enum class LoadBalancing { least_request, round_robin };

struct OutlierOptions {
  int consecutive_failures = 3;                   // failures in a row (connect, reset, timeout) that eject a host
  std::chrono::milliseconds base_ejection{5000};  // the first ejection; each further one in a row doubles it
  std::chrono::milliseconds max_ejection{60000};
};

struct ServiceConfig {
  std::string name;
  LoadBalancing load_balancing = LoadBalancing::least_request;
  OutlierOptions outlier;
};

struct RouteConfig {
  std::string name;  // [a-z0-9-]+, unique: the route label of logs and metrics
  std::vector<http::Method> methods;
  std::string upstream_path;    // the template clients call: "/api/catalog/exams/{id}", "/api/catalog/me/**"
  std::string service;          // the registry's service name
  std::string downstream_path;  // the template the service receives; empty: the request's path unchanged
  AuthRequirement auth;
  std::chrono::milliseconds timeout{10000};
  std::string rate_limit;  // a policy name; empty: not rate limited
  std::string cors;        // a policy name; empty: no CORS headers (same-origin only)
  std::size_t max_request_bytes = 1024 * 1024;
  std::size_t max_response_bytes = 16 * 1024 * 1024;
  std::optional<bool> idempotent;  // unset: by method (GET, HEAD, OPTIONS, PUT and DELETE are, RFC 9110)
};

struct GatewayConfig {
  std::vector<RouteConfig> routes;                     // in file order
  std::map<std::string, ServiceConfig> services;       // one per service a route names
  std::map<std::string, RateLimitPolicy> rate_limits;  // by name
  std::map<std::string, CorsPolicy> cors;              // by name
};

// What the process can carry, for checking the routes' limits against it.
struct ConfigLimits {
  std::size_t max_request_bytes = 1024 * 1024;        // the server's body limit (DT_HTTP_BODY_LIMIT)
  std::size_t max_response_bytes = 64 * 1024 * 1024;  // the upstream client's (DT_GATEWAY_MAX_RESPONSE_BYTES)
};

}  // namespace dt::gateway::config
