#include "gateway/config/config_parser.hpp"

#include <gtest/gtest.h>

#include <string>

namespace {

using dt::gateway::config::AuthMode;
using dt::gateway::config::ConfigInvalid;
using dt::gateway::config::ConfigLimits;
using dt::gateway::config::LoadBalancing;
using dt::gateway::config::parse_gateway_config;

// The errors of parsing `text`, joined by newlines; "" when it parses.
std::string errors_of(const std::string& text, const ConfigLimits& limits = {}) {
  try {
    parse_gateway_config(text, limits);
    return "";
  } catch (const ConfigInvalid& e) {
    return e.what();
  }
}

std::string with_route(const std::string& route, const std::string& more = "") {
  return R"({)" + more + R"("routes": [)" + route + "]}";
}

const std::string kRoute =
    R"({"name": "exams", "methods": ["GET"], "upstream_path": "/api/exams/{id}", "service": "catalog"})";

TEST(ConfigParser, AMinimalRouteGetsTheDefaults) {
  const auto config = parse_gateway_config(with_route(kRoute));
  ASSERT_EQ(config.routes.size(), 1u);
  const auto& route = config.routes[0];
  EXPECT_EQ(route.name, "exams");
  EXPECT_EQ(route.upstream_path, "/api/exams/{id}");
  EXPECT_EQ(route.downstream_path, "");
  EXPECT_EQ(route.auth.mode, AuthMode::anonymous);
  EXPECT_EQ(route.timeout.count(), 10000);
  EXPECT_EQ(route.rate_limit, "");
  EXPECT_EQ(route.cors, "");
  EXPECT_EQ(route.max_request_bytes, 1024u * 1024u);
  EXPECT_FALSE(route.idempotent.has_value());
  ASSERT_TRUE(config.services.contains("catalog"));
  EXPECT_EQ(config.services.at("catalog").load_balancing, LoadBalancing::least_request);
  EXPECT_EQ(config.services.at("catalog").outlier.consecutive_failures, 3);
}

TEST(ConfigParser, ReadsEveryFieldAndPolicy) {
  const auto config = parse_gateway_config(R"({
    "defaults": {"auth": "signed-in", "timeout_ms": 2000, "rate_limit": "std", "cors": "web", "max_request_bytes": 100},
    "services": {"catalog": {"load_balancer": "round_robin",
                             "outlier": {"consecutive_failures": 5, "base_ejection_ms": 1000, "max_ejection_ms": 8000}}},
    "rate_limits": {"std": {"per_ip": {"requests": 120, "per_seconds": 60, "burst": 10}, "per_user": {"requests": 5, "per_seconds": 1}}},
    "cors": {"web": {"allowed_origins": ["http://localhost:5173"], "max_age_seconds": 60, "allow_credentials": true}},
    "routes": [
      {"name": "a", "methods": ["GET", "POST"], "upstream_path": "/api/a/{**rest}", "service": "catalog",
       "downstream_path": "/internal/{**rest}", "auth": "role:admin", "timeout_ms": 500, "rate_limit": null,
       "cors": null, "max_request_bytes": 7, "max_response_bytes": 9, "idempotent": true},
      {"name": "b", "methods": ["PUT"], "upstream_path": "/api/b", "service": "catalog"}
    ]})");
  const auto& a = config.routes[0];
  EXPECT_EQ(a.auth.mode, AuthMode::role);
  EXPECT_EQ(a.auth.role, "admin");
  EXPECT_EQ(a.timeout.count(), 500);
  EXPECT_EQ(a.rate_limit, "");
  EXPECT_EQ(a.cors, "");
  EXPECT_EQ(a.downstream_path, "/internal/{**rest}");
  EXPECT_EQ(a.max_request_bytes, 7u);
  EXPECT_EQ(a.max_response_bytes, 9u);
  EXPECT_EQ(a.idempotent, true);
  const auto& b = config.routes[1];
  EXPECT_EQ(b.auth.mode, AuthMode::signed_in);
  EXPECT_EQ(b.timeout.count(), 2000);
  EXPECT_EQ(b.rate_limit, "std");
  EXPECT_EQ(b.cors, "web");
  EXPECT_EQ(b.max_request_bytes, 100u);
  const auto& limit = config.rate_limits.at("std");
  EXPECT_DOUBLE_EQ(limit.per_ip->rate_per_second, 2.0);
  EXPECT_EQ(limit.per_ip->burst, 10);
  EXPECT_EQ(limit.per_user->burst, 5);  // burst defaults to requests
  const auto& cors = config.cors.at("web");
  EXPECT_TRUE(cors.allow_credentials);
  EXPECT_EQ(cors.max_age.count(), 60);
  EXPECT_FALSE(cors.allowed_headers.empty());
  const auto& service = config.services.at("catalog");
  EXPECT_EQ(service.load_balancing, LoadBalancing::round_robin);
  EXPECT_EQ(service.outlier.consecutive_failures, 5);
  EXPECT_EQ(service.outlier.max_ejection.count(), 8000);
}

TEST(ConfigParser, ErrorsNameTheRouteAndTheField) {
  EXPECT_EQ(errors_of(with_route(R"({"name": "exams", "methods": ["GET"], "upstream_path": "/x", "service": "c",
                                    "auth": "admins"})")),
            "route \"exams\" (routes[0]): 'auth': must be \"anonymous\", \"signed-in\" or \"role:<name>\", not "
            "\"admins\"");
  EXPECT_EQ(errors_of(with_route(R"({"name": "exams", "methods": ["FETCH"], "upstream_path": "/x", "service": "c"})")),
            "route \"exams\" (routes[0]): 'methods[0]': 'FETCH' is not one of GET, HEAD, POST, PUT, PATCH, DELETE, "
            "OPTIONS");
  EXPECT_EQ(errors_of(with_route(R"({"methods": ["GET"], "upstream_path": "/x", "service": "c"})")),
            "routes[0]: 'name': is required");
  EXPECT_EQ(errors_of(with_route(R"({"name": "x", "methods": ["GET"], "upstream_path": "/x", "service": "c",
                                    "timeout": 5})")),
            "route \"x\" (routes[0]): 'timeout': is not a known field");
  EXPECT_EQ(errors_of(with_route(R"({"name": "x", "methods": ["GET"], "upstream_path": "/x", "service": "c",
                                    "timeout_ms": 0})")),
            "route \"x\" (routes[0]): 'timeout_ms': must be between 1 and 300000");
}

TEST(ConfigParser, TemplatesAreChecked) {
  EXPECT_EQ(errors_of(with_route(R"({"name": "x", "methods": ["GET"], "upstream_path": "api/x", "service": "c"})")),
            "route \"x\" (routes[0]): 'upstream_path': 'api/x' must start with '/'");
  EXPECT_EQ(errors_of(with_route(R"({"name": "x", "methods": ["GET"], "upstream_path": "/a/**/b", "service": "c"})")),
            "route \"x\" (routes[0]): 'upstream_path': '/a/**/b' '**' may only be the last segment");
  EXPECT_EQ(errors_of(with_route(R"({"name": "x", "methods": ["GET"], "upstream_path": "/a/{id}", "service": "c",
                                    "downstream_path": "/b/{key}"})")),
            "route \"x\" (routes[0]): 'downstream_path': uses 'key', which upstream_path does not capture");
}

TEST(ConfigParser, ReferencesDuplicatesAndOverlapsAreFound) {
  const std::string text = R"({"rate_limits": {"std": {"per_ip": {"requests": 1, "per_seconds": 1}}},
    "routes": [
      {"name": "a", "methods": ["GET"], "upstream_path": "/a/{id}", "service": "c", "rate_limit": "strict"},
      {"name": "a", "methods": ["POST"], "upstream_path": "/b", "service": "c", "cors": "web"},
      {"name": "c", "methods": ["PUT", "GET"], "upstream_path": "/a/{key}", "service": "c"},
      {"name": "d", "methods": ["POST"], "upstream_path": "/a/{key}", "service": "c"}
    ]})";
  EXPECT_EQ(errors_of(text),
            "route \"a\" (routes[0]): 'rate_limit': no rate limit is named \"strict\"\n"
            "route \"a\" (routes[1]): 'name': another route has this name\n"
            "route \"a\" (routes[1]): 'cors': no CORS policy is named \"web\"\n"
            "route \"c\" (routes[2]): 'upstream_path': route \"a\" (routes[0]) already matches the same paths with a "
            "method of this one");
}

TEST(ConfigParser, EveryBrokenRouteIsReportedAtOnce) {
  const std::string text = R"({"routes": [
      {"name": "a", "methods": [], "upstream_path": "/a", "service": "c"},
      {"name": "b", "methods": ["GET"], "upstream_path": "/b", "service": "C"}
    ]})";
  EXPECT_EQ(errors_of(text),
            "route \"a\" (routes[0]): 'methods': must name at least one method\n"
            "route \"b\" (routes[1]): 'service': must be 1-64 of a-z, 0-9 and '-'");
}

TEST(ConfigParser, PoliciesAreChecked) {
  EXPECT_EQ(errors_of(with_route(kRoute, R"("rate_limits": {"x": {}},)")),
            "rate_limits \"x\": 'per_ip': a rate limit needs per_ip, per_user or both");
  EXPECT_EQ(errors_of(with_route(kRoute, R"("rate_limits": {"x": {"per_ip": {"requests": 0, "per_seconds": 1}}},)")),
            "rate_limits \"x\": 'per_ip.requests': must be between 1 and 1000000");
  EXPECT_EQ(errors_of(with_route(kRoute, R"("cors": {"web": {"allowed_origins": ["localhost:5173"]}},)")),
            "cors \"web\": 'allowed_origins[0]': 'localhost:5173' is not an origin (http[s]://host[:port], lower "
            "case, no path), and \"*\" must stand alone");
  EXPECT_EQ(errors_of(with_route(kRoute, R"("cors": {"web": {"allowed_origins": ["*"], "allow_credentials": true}},)")),
            "cors \"web\": 'allow_credentials': cannot be true with the origin \"*\" (browsers refuse it)");
  EXPECT_EQ(errors_of(with_route(kRoute, R"("services": {"catalog": {"load_balancer": "random"}},)")),
            "services \"catalog\": 'load_balancer': must be \"least_request\" or \"round_robin\"");
  EXPECT_EQ(errors_of(with_route(kRoute, R"("services": {"Catalog": {}},)")),
            "services \"Catalog\": the name must be 1-64 of a-z, 0-9 and '-'");
}

TEST(ConfigParser, LimitsCannotExceedWhatTheProcessCarries) {
  ConfigLimits limits;
  limits.max_request_bytes = 1000;
  EXPECT_EQ(errors_of(with_route(R"({"name": "x", "methods": ["POST"], "upstream_path": "/x", "service": "c",
                                    "max_request_bytes": 5000})"),
                      limits),
            "route \"x\" (routes[0]): 'max_request_bytes': must be between 0 and 1000");
  const auto config = parse_gateway_config(with_route(kRoute), limits);
  EXPECT_EQ(config.routes[0].max_request_bytes, 1000u);  // the default shrinks to the cap
}

TEST(ConfigParser, BadJsonSaysWhere) {
  EXPECT_EQ(errors_of("{\n  \"routes\": [\n    {\"name\": }\n]}"), "not valid JSON at line 3, column 14: syntax error");
  EXPECT_EQ(errors_of("[]"), "the route file must hold a JSON object");
  EXPECT_EQ(errors_of(R"({"routes": []})"), "'routes': must hold at least one route");
  EXPECT_EQ(errors_of(R"({"route": []})"), "'route': is not a known field\n'routes': is required");
}

TEST(ConfigParser, LoadingAMissingFileNamesIt) {
  try {
    dt::gateway::config::load_gateway_config("/nonexistent/routes.json");
    FAIL() << "expected ConfigInvalid";
  } catch (const ConfigInvalid& e) {
    EXPECT_EQ(std::string(e.what()), "/nonexistent/routes.json: cannot be read");
  }
}

}  // namespace
