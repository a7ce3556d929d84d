#include "gateway/config/policy_parser.hpp"

#include "errors/problem.hpp"
#include "json/object_reader.hpp"

namespace dt::gateway::config {
namespace {

BucketLimit read_bucket(const json::ObjectReader& policy, std::string_view field) {
  const json::ObjectReader in = policy.object(field);
  in.reject_unknown({"requests", "per_seconds", "burst"});
  const auto requests = in.integer("requests", {.min = 1, .max = 1'000'000});
  const auto per_seconds = in.integer("per_seconds", {.min = 1, .max = 86'400});
  BucketLimit limit;
  limit.rate_per_second = static_cast<double>(requests) / static_cast<double>(per_seconds);
  limit.burst = in.optional_integer("burst", {.min = 1, .max = 1'000'000}).value_or(requests);
  return limit;
}

// "http://localhost:5173", "https://drivetest.example": a scheme, a host, maybe a port, nothing after.
bool is_origin(std::string_view text) {
  std::string_view rest;
  if (text.starts_with("http://")) {
    rest = text.substr(7);
  } else if (text.starts_with("https://")) {
    rest = text.substr(8);
  } else {
    return false;
  }
  if (rest.empty()) return false;
  for (char c : rest) {
    const bool ok =
        (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-' || c == ':' || c == '[' || c == ']';
    if (!ok) return false;
  }
  return true;
}

bool is_header_name(std::string_view text) {
  if (text.empty()) return false;
  for (char c : text) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    if (!ok) return false;
  }
  return true;
}

std::vector<std::string> header_list(const json::ObjectReader& in, std::string_view field,
                                     std::vector<std::string> fallback) {
  if (!in.has(field)) return fallback;
  auto names = in.string_array(field, {.min_length = 1, .max_length = 100}, 100);
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (!is_header_name(names[i])) {
      throw Problem::invalid_field(json::ObjectReader::element_path(in.path_of(field), i),
                                   "'" + names[i] + "' is not a header name");
    }
  }
  return names;
}

}  // namespace

bool is_name(std::string_view text) {
  if (text.empty() || text.size() > 64) return false;
  for (char c : text) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
  }
  return true;
}

RateLimitPolicy read_rate_limit_policy(const std::string& name, const boost::json::value& value) {
  const json::ObjectReader in(value);
  in.reject_unknown({"description", "per_ip", "per_user"});
  RateLimitPolicy policy;
  policy.name = name;
  if (in.has("per_ip")) policy.per_ip = read_bucket(in, "per_ip");
  if (in.has("per_user")) policy.per_user = read_bucket(in, "per_user");
  if (!policy.per_ip && !policy.per_user) {
    throw Problem::invalid_field("per_ip", "a rate limit needs per_ip, per_user or both");
  }
  return policy;
}

CorsPolicy read_cors_policy(const std::string& name, const boost::json::value& value) {
  const json::ObjectReader in(value);
  in.reject_unknown(
      {"description", "allowed_origins", "allowed_headers", "exposed_headers", "max_age_seconds", "allow_credentials"});
  CorsPolicy policy;
  policy.name = name;
  policy.allowed_origins = in.string_array("allowed_origins", {.min_length = 1, .max_length = 200}, 100);
  if (policy.allowed_origins.empty()) throw Problem::invalid_field("allowed_origins", "must name at least one origin");
  if (!policy.any_origin()) {
    for (std::size_t i = 0; i < policy.allowed_origins.size(); ++i) {
      if (!is_origin(policy.allowed_origins[i])) {
        throw Problem::invalid_field(json::ObjectReader::element_path("allowed_origins", i),
                                     "'" + policy.allowed_origins[i] +
                                         "' is not an origin (http[s]://host[:port], lower case, no path), and \"*\" "
                                         "must stand alone");
      }
    }
  }
  policy.allowed_headers = header_list(in, "allowed_headers",
                                       {"Authorization", "Content-Type", "X-Request-Id", "traceparent", "tracestate"});
  policy.exposed_headers = header_list(in, "exposed_headers", {"X-Request-Id", "Retry-After", "Location"});
  policy.max_age =
      std::chrono::seconds(in.optional_integer("max_age_seconds", {.min = 0, .max = 86'400}).value_or(600));
  policy.allow_credentials = in.optional_boolean("allow_credentials").value_or(false);
  if (policy.allow_credentials && policy.any_origin()) {
    throw Problem::invalid_field("allow_credentials", "cannot be true with the origin \"*\" (browsers refuse it)");
  }
  return policy;
}

ServiceConfig read_service_config(const std::string& name, const boost::json::value& value) {
  const json::ObjectReader in(value);
  in.reject_unknown({"description", "load_balancer", "outlier"});
  ServiceConfig service;
  service.name = name;
  const auto balancer = in.optional_string("load_balancer", {.max_length = 40}).value_or("least_request");
  if (balancer == "least_request") {
    service.load_balancing = LoadBalancing::least_request;
  } else if (balancer == "round_robin") {
    service.load_balancing = LoadBalancing::round_robin;
  } else {
    throw Problem::invalid_field("load_balancer", "must be \"least_request\" or \"round_robin\"");
  }
  if (in.has("outlier")) {
    const json::ObjectReader outlier = in.object("outlier");
    outlier.reject_unknown({"consecutive_failures", "base_ejection_ms", "max_ejection_ms"});
    auto& o = service.outlier;
    o.consecutive_failures = static_cast<int>(
        outlier.optional_integer("consecutive_failures", {.min = 1, .max = 1000}).value_or(o.consecutive_failures));
    o.base_ejection = std::chrono::milliseconds(
        outlier.optional_integer("base_ejection_ms", {.min = 100, .max = 3'600'000}).value_or(o.base_ejection.count()));
    o.max_ejection = std::chrono::milliseconds(
        outlier.optional_integer("max_ejection_ms", {.min = 100, .max = 3'600'000}).value_or(o.max_ejection.count()));
    if (o.max_ejection < o.base_ejection) {
      throw Problem::invalid_field("outlier.max_ejection_ms", "must not be less than base_ejection_ms");
    }
  }
  return service;
}

AuthRequirement parse_auth(std::string_view text, const std::string& field) {
  AuthRequirement auth;
  if (text == "anonymous") return auth;
  if (text == "signed-in") {
    auth.mode = AuthMode::signed_in;
    return auth;
  }
  if (text.starts_with("role:") && text.size() > 5 && text.size() <= 69) {
    const auto role = text.substr(5);
    bool ok = true;
    for (char c : role) {
      ok = ok && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
                  c == '.');
    }
    if (ok) {
      auth.mode = AuthMode::role;
      auth.role = std::string(role);
      return auth;
    }
  }
  throw Problem::invalid_field(field, "must be \"anonymous\", \"signed-in\" or \"role:<name>\", not \"" +
                                          std::string(text.substr(0, 80)) + "\"");
}

std::string to_string(const AuthRequirement& auth) {
  switch (auth.mode) {
    case AuthMode::anonymous:
      return "anonymous";
    case AuthMode::signed_in:
      return "signed-in";
    case AuthMode::role:
      return "role:" + auth.role;
  }
  return "anonymous";
}

}  // namespace dt::gateway::config
