#pragma once
// Problem: an error meant for the client. Thrown anywhere in a request; the HTTP layer renders it once, as
// RFC 7807 application/problem+json. Anything else thrown becomes a logged 500 that reveals nothing internal.
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace dt {

class Problem : public std::runtime_error {
 public:
  // type_slug names the kind of problem: it becomes the type URI "/problems/<slug>".
  Problem(int status, std::string type_slug, std::string title, std::string detail);

  int status() const { return status_; }
  const std::string& type_slug() const { return type_slug_; }
  const std::string& title() const { return title_; }
  const std::string& detail() const { return detail_; }
  // Extension members (RFC 7807 section 3.2), e.g. {"field", "answers[3]"}; values are strings.
  const std::vector<std::pair<std::string, std::string>>& extensions() const { return extensions_; }
  Problem& with(std::string key, std::string value);
  // Response headers that belong with this problem, e.g. Allow for 405 or Retry-After for 429.
  const std::vector<std::pair<std::string, std::string>>& headers() const { return headers_; }
  Problem& with_header(std::string name, std::string value);

  static Problem bad_request(std::string detail);
  static Problem invalid_field(std::string field, std::string detail);
  static Problem malformed_json(std::string detail);
  static Problem unauthorized(std::string detail);
  static Problem forbidden(std::string detail);
  static Problem not_found(std::string detail);
  static Problem method_not_allowed(std::string detail, std::string allow);
  static Problem conflict(std::string detail);
  static Problem payload_too_large(std::string detail);
  static Problem unsupported_media_type(std::string detail);
  static Problem too_many_requests(std::string detail, int retry_after_seconds);
  static Problem unavailable(std::string detail);
  static Problem timeout(std::string detail);

 private:
  int status_;
  std::string type_slug_;
  std::string title_;
  std::string detail_;
  std::vector<std::pair<std::string, std::string>> extensions_;
  std::vector<std::pair<std::string, std::string>> headers_;
};

// The problem+json document; instance is the request path, request_id lets a user quote the log line.
std::string render_problem(const Problem& problem, std::string_view instance, std::string_view request_id);

inline constexpr std::string_view kProblemContentType = "application/problem+json";

}  // namespace dt
