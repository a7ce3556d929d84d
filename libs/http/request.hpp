#pragma once
// Request: what a handler sees. The server fills the message part; the pipeline fills the rest (request id,
// matched route, path parameters). Handlers read it and return a Response; they never touch sockets.
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "http/body_reader.hpp"
#include "http/headers.hpp"
#include "http/method.hpp"
#include "http/principal.hpp"

namespace dt::http {

struct Request {
  Method method = Method::get;
  std::string method_text;  // as sent, e.g. "GET" or "PROPFIND"
  std::string target;       // as sent: path and query, still percent-encoded
  std::string_view path;    // view into target, up to '?'
  std::string_view query;   // view into target, after '?'
  unsigned version = 11;    // 10 or 11
  Headers headers;
  std::string body;                         // empty on a streaming route: read body_reader instead
  std::shared_ptr<BodyReader> body_reader;  // streaming routes only (Router::add_streaming); valid in the handler
  std::string remote_ip;

  std::string request_id;
  std::string_view route;  // the matched route's pattern, e.g. "GET /api/catalog/exams/{id}"; empty if none
  std::vector<std::pair<std::string_view, std::string>> params;  // decoded path parameters
  std::optional<Principal> principal;  // set by the auth middleware from a verified token; nullopt: anonymous

  Request() = default;
  Request(const Request&) = delete;  // path and query point into target
  Request& operator=(const Request&) = delete;

  void set_target(std::string value);
  // The decoded path parameter `name` of the matched route; throws std::logic_error if the route has none.
  const std::string& param(std::string_view name) const;
  // The decoded query parameter, or nullopt; a malformed escape is a 400 problem.
  std::optional<std::string> query_param(std::string_view name) const;
  std::string_view header(std::string_view name) const { return headers.get(name); }
};

}  // namespace dt::http
