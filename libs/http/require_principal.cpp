#include "http/require_principal.hpp"

#include "errors/problem.hpp"

namespace dt::http {

const Principal& require_signed_in(const Request& request) {
  if (!request.principal) {
    throw Problem::unauthorized("sign in to use this resource").with_header("WWW-Authenticate", "Bearer");
  }
  return *request.principal;
}

const Principal& require_role(const Request& request, std::string_view role) {
  if (!request.principal) {
    throw Problem::unauthorized("sign in as a user with the " + std::string(role) + " role to use this resource")
        .with_header("WWW-Authenticate", "Bearer");
  }
  if (!request.principal->has_role(role)) {
    throw Problem::forbidden("this resource needs the " + std::string(role) + " role");
  }
  return *request.principal;
}

}  // namespace dt::http
