#pragma once
// Who is calling: an anonymous learner, a signed-in learner, or an admin, from the principal that the auth
// middleware (libs/auth) proved from the request's access token.
#include <optional>
#include <string>

#include "http/request.hpp"

namespace dt::catalog::api {

struct Caller {
  std::optional<std::string> user_id;  // nullopt: anonymous
  bool admin = false;
};

Caller caller_of(const http::Request& request);
// The signed-in user's id; 401 for an anonymous caller.
std::string require_user(const http::Request& request);
// 401 for an anonymous caller, 403 for one without the admin role; returns the admin's id (the actor).
std::string require_admin(const http::Request& request);

}  // namespace dt::catalog::api
