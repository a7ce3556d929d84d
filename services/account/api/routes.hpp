#pragma once
// The Account service's HTTP API (openapi.yaml beside this file describes every route):
//   POST /api/account/register                                   anonymous
//   GET|PUT /api/account/me, PUT /api/account/me/password        signed in
//   /api/account/admin/users...                                  admin role
#include "account/api/account_api.hpp"
#include "http/router.hpp"

namespace dt::account::api {

void add_register_routes(http::Router& router, AccountApi& api);
void add_me_routes(http::Router& router, AccountApi& api);
void add_admin_routes(http::Router& router, AccountApi& api);

inline void add_routes(http::Router& router, AccountApi& api) {
  add_register_routes(router, api);
  add_me_routes(router, api);
  add_admin_routes(router, api);
}

// 400 naming the first bad field; the detail lists them all ("username: ...; password: ...").
[[noreturn]] void throw_field_errors(const domain::FieldErrors& errors);

}  // namespace dt::account::api
