#include "http/router.hpp"

#include <stdexcept>

#include "errors/problem.hpp"
#include "http/query.hpp"

namespace dt::http {
namespace {

std::vector<std::string_view> split_path(std::string_view path) {
  std::vector<std::string_view> parts;
  if (path.empty() || path[0] != '/') return parts;
  std::size_t start = 1;
  while (start <= path.size()) {
    const auto end = path.find('/', start);
    parts.push_back(path.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return parts;
}

}  // namespace

void Router::add(Method method, std::string_view pattern, Handler handler) {
  if (pattern.empty() || pattern[0] != '/') throw std::invalid_argument("route pattern must start with '/'");
  Route route{
      method, std::string(to_string(method)) + " " + std::string(pattern), {}, std::move(handler), std::nullopt};
  for (auto part : split_path(pattern)) {
    if (part.size() >= 2 && part.front() == '{' && part.back() == '}') {
      route.segments.push_back({std::string(part.substr(1, part.size() - 2)), true});
    } else if (part.find_first_of("{}") != std::string_view::npos) {
      throw std::invalid_argument("malformed route pattern: " + std::string(pattern));
    } else {
      route.segments.push_back({std::string(part), false});
    }
  }
  for (const auto& existing : routes_) {
    if (existing.name == route.name) throw std::invalid_argument("duplicate route: " + route.name);
  }
  routes_.push_back(std::move(route));
}

void Router::add_streaming(Method method, std::string_view pattern, std::size_t body_limit, Handler handler) {
  add(method, pattern, std::move(handler));
  routes_.back().streaming_limit = body_limit;
}

std::optional<std::size_t> Router::streaming_body_limit(Method method, std::string_view path) const {
  for (const auto& route : routes_) {
    if (route.method == method && matches(route, path, nullptr)) return route.streaming_limit;
  }
  return std::nullopt;
}

bool Router::matches(const Route& route, std::string_view path, Request* fill) const {
  const auto parts = split_path(path);
  if (parts.size() != route.segments.size()) return false;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const auto& segment = route.segments[i];
    if (!segment.is_param && parts[i] != segment.text) return false;
    if (segment.is_param && parts[i].empty()) return false;
  }
  if (fill) {
    fill->params.clear();
    for (std::size_t i = 0; i < parts.size(); ++i) {
      if (!route.segments[i].is_param) continue;
      auto decoded = percent_decode(parts[i], false);
      if (!decoded) {
        throw Problem::invalid_field(route.segments[i].text, "the path segment is not valid percent-encoding");
      }
      fill->params.emplace_back(route.segments[i].text, std::move(*decoded));
    }
    fill->route = route.name;
  }
  return true;
}

Awaitable<Response> Router::dispatch(Request& request) const {
  const Route* fallback_get = nullptr;
  std::string allow;
  for (const auto& route : routes_) {
    if (!matches(route, request.path, nullptr)) continue;
    if (route.method == request.method) {
      matches(route, request.path, &request);
      if (route.streaming_limit && !request.body_reader) {
        request.body_reader = std::make_shared<StringBodyReader>(std::move(request.body));
        request.body.clear();
      }
      return route.handler(request);
    }
    if (request.method == Method::head && route.method == Method::get) fallback_get = &route;
    allow += (allow.empty() ? "" : ", ") + std::string(to_string(route.method));
  }
  if (fallback_get) {
    matches(*fallback_get, request.path, &request);
    return fallback_get->handler(request);
  }
  if (allow.empty()) throw Problem::not_found("no resource at " + std::string(request.path));
  throw Problem::method_not_allowed(
      std::string(request.method_text) + " is not allowed on " + std::string(request.path) + "; use " + allow, allow);
}

std::vector<std::string> Router::routes() const {
  std::vector<std::string> names;
  for (const auto& r : routes_) names.push_back(r.name);
  return names;
}

}  // namespace dt::http
