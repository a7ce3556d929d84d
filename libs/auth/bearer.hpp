#pragma once
// The Authorization header's bearer token (RFC 6750) and the 401 that refuses a bad one: shared by the services'
// AuthMiddleware and the gateway's AuthFilter.
#include <optional>
#include <string>
#include <string_view>

#include "errors/problem.hpp"

namespace dt::auth {

// The token of "Bearer <token>" (the scheme in any case, RFC 7235; spaces before the token allowed), or nullopt
// for another scheme, no token, or a value with a space, tab or comma after the token (several credentials).
std::optional<std::string_view> bearer_token(std::string_view header_value);

// 401 with WWW-Authenticate: Bearer error="invalid_token".
Problem invalid_token(std::string detail);

}  // namespace dt::auth
