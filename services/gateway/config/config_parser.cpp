#include "gateway/config/config_parser.hpp"

#include <boost/json/stream_parser.hpp>

#include <fstream>
#include <functional>
#include <set>
#include <sstream>

#include "errors/problem.hpp"
#include "gateway/config/policy_parser.hpp"
#include "gateway/routing/path_template.hpp"
#include "json/object_reader.hpp"

namespace dt::gateway::config {
namespace {

using routing::PathTemplate;

std::string join(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& line : lines) {
    if (!out.empty()) out += '\n';
    out += line;
  }
  return out;
}

// The route fields that "defaults" may set.
struct RouteDefaults {
  AuthRequirement auth;
  std::chrono::milliseconds timeout{10000};
  std::string rate_limit;
  std::string cors;
  std::size_t max_request_bytes = 1024 * 1024;
  std::size_t max_response_bytes = 16 * 1024 * 1024;
};

// Runs read(); a Problem or invalid_argument it throws becomes one line of `errors`, prefixed with `where`.
void collect(std::vector<std::string>& errors, const std::string& where, const std::function<void()>& read) {
  try {
    read();
  } catch (const Problem& e) {
    errors.push_back(where + e.detail());
  } catch (const std::invalid_argument& e) {
    errors.push_back(where + e.what());
  }
}

boost::json::value parse_json(std::string_view text) {
  boost::json::stream_parser parser;
  boost::system::error_code ec;
  const std::size_t consumed = parser.write_some(text.data(), text.size(), ec);
  if (!ec) parser.finish(ec);
  if (ec) {
    const std::size_t at = std::min(consumed, text.size());
    std::size_t line = 1;
    std::size_t column = 1;
    for (std::size_t i = 0; i < at; ++i) {
      if (text[i] == '\n') {
        ++line;
        column = 1;
      } else {
        ++column;
      }
    }
    throw ConfigInvalid({"not valid JSON at line " + std::to_string(line) + ", column " + std::to_string(column) +
                         ": " + ec.message()});
  }
  return parser.release();
}

// A policy or limit name read from `field`: absent -> fallback; null -> "" (none); a string -> that name.
std::string policy_ref(const json::ObjectReader& in, std::string_view field, const std::string& fallback) {
  const auto* raw = in.raw().if_contains(field);
  if (!raw) return fallback;
  if (raw->is_null()) return "";
  return in.string(field, {.min_length = 1, .max_length = 64});
}

void read_limits_into(const json::ObjectReader& in, RouteDefaults& out, const ConfigLimits& limits) {
  if (const auto auth = in.optional_string("auth", {.max_length = 100})) out.auth = parse_auth(*auth, "auth");
  if (const auto ms = in.optional_integer("timeout_ms", {.min = 1, .max = 300'000})) {
    out.timeout = std::chrono::milliseconds(*ms);
  }
  out.rate_limit = policy_ref(in, "rate_limit", out.rate_limit);
  out.cors = policy_ref(in, "cors", out.cors);
  const auto max_request = static_cast<std::int64_t>(limits.max_request_bytes);
  if (const auto n = in.optional_integer("max_request_bytes", {.min = 0, .max = max_request})) {
    out.max_request_bytes = static_cast<std::size_t>(*n);
  } else {
    out.max_request_bytes = std::min(out.max_request_bytes, limits.max_request_bytes);
  }
  const auto max_response = static_cast<std::int64_t>(limits.max_response_bytes);
  if (const auto n = in.optional_integer("max_response_bytes", {.min = 1, .max = max_response})) {
    out.max_response_bytes = static_cast<std::size_t>(*n);
  } else {
    out.max_response_bytes = std::min(out.max_response_bytes, limits.max_response_bytes);
  }
}

std::vector<http::Method> read_methods(const json::ObjectReader& in) {
  const auto names = in.string_array("methods", {.min_length = 1, .max_length = 10}, 10);
  if (names.empty()) throw Problem::invalid_field("methods", "must name at least one method");
  std::vector<http::Method> methods;
  for (std::size_t i = 0; i < names.size(); ++i) {
    const auto method = http::parse_method(names[i]);
    const auto field = json::ObjectReader::element_path("methods", i);
    if (method == http::Method::other) {
      throw Problem::invalid_field(field,
                                   "'" + names[i] + "' is not one of GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS");
    }
    if (std::find(methods.begin(), methods.end(), method) != methods.end()) {
      throw Problem::invalid_field(field, "'" + names[i] + "' is listed twice");
    }
    methods.push_back(method);
  }
  return methods;
}

PathTemplate read_template(const json::ObjectReader& in, std::string_view field) {
  const auto text = in.string(field, {.min_length = 1, .max_length = 1000});
  try {
    return PathTemplate::parse(text);
  } catch (const std::invalid_argument& e) {
    throw Problem::invalid_field(std::string(field), "'" + text + "' " + e.what());
  }
}

RouteConfig read_route(const boost::json::value& value, const RouteDefaults& defaults, const ConfigLimits& limits) {
  const json::ObjectReader in(value);
  in.reject_unknown({"name", "description", "methods", "upstream_path", "service", "downstream_path", "auth",
                     "timeout_ms", "rate_limit", "cors", "max_request_bytes", "max_response_bytes", "idempotent"});
  RouteConfig route;
  route.name = in.string("name", {.min_length = 1, .max_length = 64});
  if (!is_name(route.name)) throw Problem::invalid_field("name", "must be 1-64 of a-z, 0-9 and '-'");
  route.methods = read_methods(in);
  const PathTemplate upstream = read_template(in, "upstream_path");
  route.upstream_path = upstream.text();
  route.service = in.string("service", {.min_length = 1, .max_length = 64});
  if (!is_name(route.service)) throw Problem::invalid_field("service", "must be 1-64 of a-z, 0-9 and '-'");
  if (in.has("downstream_path")) {
    const PathTemplate downstream = read_template(in, "downstream_path");
    const auto known = upstream.variables();
    for (const auto& name : downstream.variables()) {
      if (std::find(known.begin(), known.end(), name) == known.end()) {
        throw Problem::invalid_field("downstream_path", "uses '" + name + "', which upstream_path does not capture");
      }
    }
    route.downstream_path = downstream.text();
  }
  RouteDefaults own = defaults;
  read_limits_into(in, own, limits);
  route.auth = own.auth;
  route.timeout = own.timeout;
  route.rate_limit = own.rate_limit;
  route.cors = own.cors;
  route.max_request_bytes = own.max_request_bytes;
  route.max_response_bytes = own.max_response_bytes;
  route.idempotent = in.optional_boolean("idempotent");
  return route;
}

std::string route_label(const boost::json::value& value, std::size_t index) {
  std::string where = "routes[" + std::to_string(index) + "]";
  if (const auto* object = value.if_object()) {
    if (const auto* name = object->if_contains("name"); name && name->is_string()) {
      return "route \"" +
             std::string(name->as_string().subview(0, std::min<std::size_t>(64, name->as_string().size()))) + "\" (" +
             where + "): ";
    }
  }
  return where + ": ";
}

template <class Policy>
void read_named(const json::ObjectReader& root, std::string_view section, std::map<std::string, Policy>& out,
                Policy (*read)(const std::string&, const boost::json::value&), std::vector<std::string>& errors) {
  if (!root.has(section)) return;
  const json::ObjectReader all = root.object(section);
  for (const auto& [key, value] : all.raw()) {
    const std::string name(key);
    const std::string where = std::string(section) + " \"" + name + "\": ";
    if (!is_name(name)) {
      errors.push_back(where + "the name must be 1-64 of a-z, 0-9 and '-'");
      continue;
    }
    collect(errors, where, [&] { out.emplace(name, read(name, value)); });
  }
}

bool share_a_method(const RouteConfig& a, const RouteConfig& b) {
  for (auto m : a.methods) {
    if (std::find(b.methods.begin(), b.methods.end(), m) != b.methods.end()) return true;
  }
  return false;
}

void check_references(GatewayConfig& config, std::vector<std::string>& errors) {
  std::set<std::string> names;
  for (std::size_t i = 0; i < config.routes.size(); ++i) {
    const auto& route = config.routes[i];
    const std::string where = "route \"" + route.name + "\" (routes[" + std::to_string(i) + "]): ";
    if (!names.insert(route.name).second) errors.push_back(where + "'name': another route has this name");
    if (!route.rate_limit.empty() && !config.rate_limits.contains(route.rate_limit)) {
      errors.push_back(where + "'rate_limit': no rate limit is named \"" + route.rate_limit + "\"");
    }
    if (!route.cors.empty() && !config.cors.contains(route.cors)) {
      errors.push_back(where + "'cors': no CORS policy is named \"" + route.cors + "\"");
    }
    if (!config.services.contains(route.service)) {
      ServiceConfig service;
      service.name = route.service;
      config.services.emplace(route.service, service);
    }
    const auto shape = PathTemplate::parse(route.upstream_path).shape();
    for (std::size_t j = 0; j < i; ++j) {
      const auto& earlier = config.routes[j];
      if (PathTemplate::parse(earlier.upstream_path).shape() == shape && share_a_method(route, earlier)) {
        errors.push_back(where + "'upstream_path': route \"" + earlier.name + "\" (routes[" + std::to_string(j) +
                         "]) already matches the same paths with a method of this one");
      }
    }
  }
}

}  // namespace

ConfigInvalid::ConfigInvalid(std::vector<std::string> errors)
    : std::runtime_error(join(errors)), errors_(std::move(errors)) {}

GatewayConfig parse_gateway_config(std::string_view json_text, const ConfigLimits& limits) {
  const boost::json::value document = parse_json(json_text);
  if (!document.is_object()) throw ConfigInvalid({"the route file must hold a JSON object"});
  const json::ObjectReader root(document);
  std::vector<std::string> errors;
  GatewayConfig config;
  collect(errors, "", [&] {
    root.reject_unknown({"description", "defaults", "services", "rate_limits", "cors", "routes"});
  });

  RouteDefaults defaults;
  defaults.max_request_bytes = std::min(defaults.max_request_bytes, limits.max_request_bytes);
  defaults.max_response_bytes = std::min(defaults.max_response_bytes, limits.max_response_bytes);
  collect(errors, "defaults: ", [&] {
    if (!root.has("defaults")) return;
    const json::ObjectReader in = root.object("defaults");
    in.reject_unknown({"auth", "timeout_ms", "rate_limit", "cors", "max_request_bytes", "max_response_bytes"});
    read_limits_into(in, defaults, limits);
  });
  read_named(root, "rate_limits", config.rate_limits, &read_rate_limit_policy, errors);
  read_named(root, "cors", config.cors, &read_cors_policy, errors);
  read_named(root, "services", config.services, &read_service_config, errors);

  const boost::json::array* routes = nullptr;
  collect(errors, "", [&] { routes = &root.array("routes", 10'000); });
  if (routes) {
    if (routes->empty()) errors.emplace_back("'routes': must hold at least one route");
    for (std::size_t i = 0; i < routes->size(); ++i) {
      collect(errors, route_label((*routes)[i], i),
              [&] { config.routes.push_back(read_route((*routes)[i], defaults, limits)); });
    }
  }
  if (errors.empty()) check_references(config, errors);
  if (!errors.empty()) throw ConfigInvalid(std::move(errors));
  return config;
}

GatewayConfig load_gateway_config(const std::string& path, const ConfigLimits& limits) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw ConfigInvalid({path + ": cannot be read"});
  std::ostringstream text;
  text << in.rdbuf();
  try {
    return parse_gateway_config(text.str(), limits);
  } catch (const ConfigInvalid& e) {
    std::vector<std::string> errors;
    for (const auto& line : e.errors()) errors.push_back(path + ": " + line);
    throw ConfigInvalid(std::move(errors));
  }
}

}  // namespace dt::gateway::config
