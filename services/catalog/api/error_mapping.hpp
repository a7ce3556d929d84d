#pragma once
// ErrorMapping: turns the Catalog's own failures into problems, once, for every route: a refused exam
// operation (SessionError: 409/404/400), a bank that cannot build an exam (DrawError: 503), an unreachable
// PostgreSQL or Redis (503), a timeout (503). Problems (store NotFound/Conflict among them) pass through.
#include "http/pipeline.hpp"

namespace dt::catalog::api {

class ErrorMapping : public http::Middleware {
 public:
  Awaitable<http::Response> handle(http::Request& request, http::Next next) override;
};

}  // namespace dt::catalog::api
