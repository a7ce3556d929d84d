#include "gateway/routing/route_table.hpp"

#include <algorithm>
#include <mutex>
#include <set>
#include <stdexcept>

namespace dt::gateway::routing {
namespace {

using http::Method;

// Route names live as long as the process: a request's log line and metrics may read its route label after a
// reload has dropped the table it was matched in. Names are few, so the set stays small.
std::string_view intern(const std::string& name) {
  static std::mutex mutex;
  static std::set<std::string, std::less<>> names;
  std::lock_guard lock(mutex);
  return *names.insert(name).first;
}

template <class Policy>
const Policy* find_policy(const std::map<std::string, Policy>& policies, const std::string& name,
                          const std::string& route, const char* what) {
  if (name.empty()) return nullptr;
  const auto it = policies.find(name);
  if (it == policies.end()) {
    throw std::invalid_argument("route \"" + route + "\": no " + what + " is named \"" + name + "\"");
  }
  return &it->second;
}

}  // namespace

bool Route::allows(Method method) const {
  const auto& methods = config.methods;
  if (std::find(methods.begin(), methods.end(), method) != methods.end()) return true;
  return method == Method::head && std::find(methods.begin(), methods.end(), Method::get) != methods.end();
}

bool Route::idempotent(Method method) const {
  if (config.idempotent) return *config.idempotent;
  return method == Method::get || method == Method::head || method == Method::options || method == Method::put ||
         method == Method::delete_;
}

std::string Route::downstream_target(std::string_view path, std::string_view query, const Captures& captures) const {
  std::string target = downstream ? downstream->render(captures) : std::string(path);
  if (!query.empty()) {
    target += '?';
    target += query;
  }
  return target;
}

RouteTable::RouteTable(config::GatewayConfig config) : config_(std::move(config)) {
  routes_.reserve(config_.routes.size());
  for (const auto& route_config : config_.routes) {
    Route route{.config = route_config,
                .label = intern(route_config.name),
                .upstream = PathTemplate::parse(route_config.upstream_path),
                .downstream = std::nullopt};
    if (!route_config.downstream_path.empty()) route.downstream = PathTemplate::parse(route_config.downstream_path);
    const auto service = config_.services.find(route_config.service);
    if (service == config_.services.end()) {
      throw std::invalid_argument("route \"" + route_config.name + "\": service \"" + route_config.service +
                                  "\" has no configuration");
    }
    route.service = &service->second;
    route.rate_limit = find_policy(config_.rate_limits, route_config.rate_limit, route_config.name, "rate limit");
    route.cors = find_policy(config_.cors, route_config.cors, route_config.name, "CORS policy");
    routes_.push_back(std::move(route));
  }
  std::stable_sort(routes_.begin(), routes_.end(),
                   [](const Route& a, const Route& b) { return a.upstream.more_specific_than(b.upstream); });
}

RouteMatch RouteTable::match(Method method, std::string_view path) const {
  const auto segments = PathTemplate::split(path);
  RouteMatch result;
  bool allowed[7] = {};  // by Method, for the Allow header
  for (const auto& route : routes_) {
    if (!route.upstream.match(segments, nullptr)) continue;
    if (route.allows(method)) {
      result.outcome = RouteMatch::Outcome::found;
      result.route = &route;
      route.upstream.match(segments, &result.captures);
      return result;
    }
    result.outcome = RouteMatch::Outcome::method_not_allowed;
    for (auto m : route.config.methods) allowed[static_cast<int>(m)] = true;
    if (route.allows(Method::head)) allowed[static_cast<int>(Method::head)] = true;
  }
  for (int m = 0; m < 7; ++m) {
    if (!allowed[m]) continue;
    if (!result.allow.empty()) result.allow += ", ";
    result.allow += http::to_string(static_cast<Method>(m));
  }
  return result;
}

}  // namespace dt::gateway::routing
