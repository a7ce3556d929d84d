#pragma once
// Router: method + path pattern -> handler. Patterns are literal segments and {name} parameters:
//   router.add(Method::get, "/api/catalog/exams/{id}", handler);
// A path that matches no pattern is a 404; one that matches with another method is a 405 with Allow.
// HEAD is served by the GET route when there is no HEAD route (the server drops the body).
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "http/handler.hpp"

namespace dt::http {

class Router {
 public:
  // Throws std::invalid_argument for a malformed pattern or a duplicate method + pattern.
  void add(Method method, std::string_view pattern, Handler handler);

  // Matches, fills request.route and request.params, and runs the handler; throws dt::Problem 404/405.
  Awaitable<Response> dispatch(Request& request) const;

  // All routes as "METHOD /pattern", in registration order (for docs and tests).
  std::vector<std::string> routes() const;

 private:
  struct Segment {
    std::string text;  // literal text, or the parameter name
    bool is_param;
  };
  struct Route {
    Method method;
    std::string name;  // "GET /api/x/{id}"
    std::vector<Segment> segments;
    Handler handler;
  };

  bool matches(const Route& route, std::string_view path, Request* fill) const;

  std::vector<Route> routes_;
};

}  // namespace dt::http
