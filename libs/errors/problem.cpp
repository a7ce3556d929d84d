#include "errors/problem.hpp"

#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

namespace dt {

Problem::Problem(int status, std::string type_slug, std::string title, std::string detail)
    : std::runtime_error(detail),
      status_(status),
      type_slug_(std::move(type_slug)),
      title_(std::move(title)),
      detail_(std::move(detail)) {}

Problem& Problem::with(std::string key, std::string value) {
  extensions_.emplace_back(std::move(key), std::move(value));
  return *this;
}

Problem& Problem::with_header(std::string name, std::string value) {
  headers_.emplace_back(std::move(name), std::move(value));
  return *this;
}

Problem Problem::bad_request(std::string detail) { return {400, "bad-request", "Bad request", std::move(detail)}; }

Problem Problem::invalid_field(std::string field, std::string detail) {
  Problem p(400, "invalid-field", "Invalid field", "'" + field + "': " + detail);
  p.with("field", std::move(field));
  return p;
}

Problem Problem::malformed_json(std::string detail) {
  return {400, "malformed-json", "Malformed JSON", std::move(detail)};
}

Problem Problem::unauthorized(std::string detail) {
  Problem p(401, "unauthorized", "Unauthorized", std::move(detail));
  p.with_header("WWW-Authenticate", "Bearer");
  return p;
}

Problem Problem::forbidden(std::string detail) { return {403, "forbidden", "Forbidden", std::move(detail)}; }
Problem Problem::not_found(std::string detail) { return {404, "not-found", "Not found", std::move(detail)}; }

Problem Problem::method_not_allowed(std::string detail, std::string allow) {
  Problem p(405, "method-not-allowed", "Method not allowed", std::move(detail));
  p.with_header("Allow", std::move(allow));
  return p;
}

Problem Problem::conflict(std::string detail) { return {409, "conflict", "Conflict", std::move(detail)}; }

Problem Problem::payload_too_large(std::string detail) {
  return {413, "payload-too-large", "Payload too large", std::move(detail)};
}

Problem Problem::unsupported_media_type(std::string detail) {
  return {415, "unsupported-media-type", "Unsupported media type", std::move(detail)};
}

Problem Problem::too_many_requests(std::string detail, int retry_after_seconds) {
  Problem p(429, "too-many-requests", "Too many requests", std::move(detail));
  p.with_header("Retry-After", std::to_string(retry_after_seconds));
  return p;
}

Problem Problem::unavailable(std::string detail) {
  return {503, "service-unavailable", "Service unavailable", std::move(detail)};
}

Problem Problem::timeout(std::string detail) { return {504, "timeout", "Upstream timeout", std::move(detail)}; }

std::string render_problem(const Problem& problem, std::string_view instance, std::string_view request_id) {
  boost::json::object doc;
  doc["type"] = "/problems/" + problem.type_slug();
  doc["title"] = problem.title();
  doc["status"] = problem.status();
  doc["detail"] = problem.detail();
  if (!instance.empty()) doc["instance"] = instance;
  if (!request_id.empty()) doc["request_id"] = request_id;
  for (const auto& [key, value] : problem.extensions()) doc[key] = value;
  return boost::json::serialize(doc);
}

}  // namespace dt
