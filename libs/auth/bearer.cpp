#include "auth/bearer.hpp"

#include "http/headers.hpp"

namespace dt::auth {

std::optional<std::string_view> bearer_token(std::string_view value) {
  constexpr std::string_view scheme = "Bearer";
  if (value.size() <= scheme.size() || !http::iequals(value.substr(0, scheme.size()), scheme) ||
      value[scheme.size()] != ' ') {
    return std::nullopt;
  }
  auto token = value.substr(scheme.size());
  while (!token.empty() && token.front() == ' ') token.remove_prefix(1);
  if (token.empty()) return std::nullopt;
  // Three memchr scans: find_first_of(" \t,") would call memchr once per character of a kilobyte-long token.
  if (token.find(' ') != std::string_view::npos || token.find('\t') != std::string_view::npos ||
      token.find(',') != std::string_view::npos) {
    return std::nullopt;
  }
  return token;
}

Problem invalid_token(std::string detail) {
  Problem problem(401, "unauthorized", "Unauthorized", std::move(detail));
  problem.with_header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
  return problem;
}

}  // namespace dt::auth
