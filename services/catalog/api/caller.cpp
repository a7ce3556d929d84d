#include "catalog/api/caller.hpp"

#include "http/require_principal.hpp"

namespace dt::catalog::api {

Caller caller_of(const http::Request& request) {
  Caller caller;
  if (!request.principal) return caller;
  caller.user_id = request.principal->subject;
  caller.admin = request.principal->has_role("admin");
  return caller;
}

std::string require_user(const http::Request& request) { return http::require_signed_in(request).subject; }

std::string require_admin(const http::Request& request) { return http::require_role(request, "admin").subject; }

}  // namespace dt::catalog::api
