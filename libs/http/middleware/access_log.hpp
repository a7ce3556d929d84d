#pragma once
// AccessLog: one JSON line per request: method, path, route, status, duration, sizes, request id, client.
#include "http/pipeline.hpp"

namespace dt::http {

class AccessLog : public Middleware {
 public:
  Awaitable<Response> handle(Request& request, Next next) override;
};

}  // namespace dt::http
