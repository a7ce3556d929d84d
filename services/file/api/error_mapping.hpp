#pragma once
// ErrorMapping: turns the File service's failures into problems: the object store unreachable (or answering
// 5xx) -> 503, the object store refusing a request (credentials, a missing bucket) -> 502, PostgreSQL
// unreachable -> 503. Details go to the log, not to the client.
#include "http/pipeline.hpp"

namespace dt::file::api {

class ErrorMapping : public http::Middleware {
 public:
  Awaitable<http::Response> handle(http::Request& request, http::Next next) override;
};

}  // namespace dt::file::api
