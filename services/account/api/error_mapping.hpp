#pragma once
// ErrorMapping: turns the Account service's failures into problems: Keycloak or PostgreSQL unreachable -> 503,
// a taken username or e-mail -> 409 naming which, a password Keycloak's policy refuses -> 400 on "password".
#include "http/pipeline.hpp"

namespace dt::account::api {

class ErrorMapping : public http::Middleware {
 public:
  Awaitable<http::Response> handle(http::Request& request, http::Next next) override;
};

}  // namespace dt::account::api
