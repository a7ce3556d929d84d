#pragma once
// Access checks for handlers, on the principal the auth middleware (libs/auth) proved from the token:
//   const auto& user = http::require_signed_in(request);        // 401 when anonymous
//   const auto& admin = http::require_role(request, "admin");   // 401 when anonymous, 403 without the role
#include <string_view>

#include "http/principal.hpp"
#include "http/request.hpp"

namespace dt::http {

const Principal& require_signed_in(const Request& request);
const Principal& require_role(const Request& request, std::string_view role);

}  // namespace dt::http
