#include "catalog/api/caller.hpp"

#include "errors/problem.hpp"

namespace dt::catalog::api {
namespace {

bool has_role(std::string_view roles, std::string_view role) {
  while (!roles.empty()) {
    const auto comma = roles.find(',');
    auto item = roles.substr(0, comma);
    while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
    while (!item.empty() && item.back() == ' ') item.remove_suffix(1);
    if (item == role) return true;
    roles = comma == std::string_view::npos ? std::string_view{} : roles.substr(comma + 1);
  }
  return false;
}

bool acceptable_user_id(std::string_view id) {
  if (id.empty() || id.size() > 128) return false;
  for (char c : id) {
    if (static_cast<unsigned char>(c) < 0x21 || c == 0x7F) return false;
  }
  return true;
}

}  // namespace

Caller caller_of(const http::Request& request, const CatalogApi& api) {
  Caller caller;
  if (!api.trust_user_header) return caller;
  const auto id = request.header("X-DT-User-Id");
  if (id.empty()) return caller;
  if (!acceptable_user_id(id)) throw Problem::bad_request("X-DT-User-Id is not a valid user id");
  caller.user_id = std::string(id);
  caller.admin = has_role(request.header("X-DT-Roles"), "admin");
  return caller;
}

std::string require_user(const http::Request& request, const CatalogApi& api) {
  auto caller = caller_of(request, api);
  if (!caller.user_id) throw Problem::unauthorized("sign in to use this resource");
  return *caller.user_id;
}

std::string require_admin(const http::Request& request, const CatalogApi& api) {
  auto caller = caller_of(request, api);
  if (!caller.user_id) throw Problem::unauthorized("sign in as an administrator to use this resource");
  if (!caller.admin) throw Problem::forbidden("this resource needs the admin role");
  return *caller.user_id;
}

}  // namespace dt::catalog::api
