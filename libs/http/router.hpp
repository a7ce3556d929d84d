#pragma once
// Router: method + path pattern -> handler. Patterns are literal segments and {name} parameters:
//   router.add(Method::get, "/api/catalog/exams/{id}", handler);
// A path that matches no pattern is a 404; one that matches with another method is a 405 with Allow.
// HEAD is served by the GET route when there is no HEAD route (the server drops the body). A streaming route
// (add_streaming) hands its handler a BodyReader instead of the whole body.
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "http/handler.hpp"

namespace dt::http {

class Router {
 public:
  // Throws std::invalid_argument for a malformed pattern or a duplicate method + pattern.
  void add(Method method, std::string_view pattern, Handler handler);
  // A route whose handler reads its body through request.body_reader as it arrives (http/body_reader.hpp)
  // instead of getting it whole in request.body; body_limit replaces ServerOptions::body_limit for it (413
  // beyond). For uploads: the server must ask streaming_body_limit (Service does; see ServerOptions).
  void add_streaming(Method method, std::string_view pattern, std::size_t body_limit, Handler handler);

  // The body limit of the streaming route for exactly this method and path; nullopt when that route is not
  // streaming or there is none.
  std::optional<std::size_t> streaming_body_limit(Method method, std::string_view path) const;

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
    std::optional<std::size_t> streaming_limit;  // set for add_streaming routes
  };

  bool matches(const Route& route, std::string_view path, Request* fill) const;

  std::vector<Route> routes_;
};

}  // namespace dt::http
