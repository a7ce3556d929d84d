#pragma once
// Who is calling: an anonymous learner, a signed-in learner, or an admin.
#include <optional>
#include <string>

#include "catalog/api/catalog_api.hpp"
#include "http/request.hpp"

namespace dt::catalog::api {

struct Caller {
  std::optional<std::string> user_id;  // nullopt: anonymous
  bool admin = false;
};

Caller caller_of(const http::Request& request, const CatalogApi& api);
// The signed-in user's id; 401 for an anonymous caller.
std::string require_user(const http::Request& request, const CatalogApi& api);
// 401 for an anonymous caller, 403 for one without the admin role; returns the admin's id (the actor).
std::string require_admin(const http::Request& request, const CatalogApi& api);

}  // namespace dt::catalog::api
