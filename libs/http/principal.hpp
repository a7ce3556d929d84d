#pragma once
// Principal: who sent a request, as proven by a verified access token (libs/auth fills it in; nothing else
// may). Handlers read Request::principal; nullopt means anonymous.
#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

namespace dt::http {

struct Principal {
  std::string subject;             // the identity provider's stable user id (JWT "sub")
  std::string username;            // preferred_username, for logs and display
  std::string email;               // may be empty
  std::vector<std::string> roles;  // realm roles, e.g. "learner", "admin"

  bool has_role(std::string_view role) const { return std::find(roles.begin(), roles.end(), role) != roles.end(); }
};

}  // namespace dt::http
