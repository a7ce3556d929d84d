#pragma once
// RequestId: every request gets an id, echoed in X-Request-Id and written on every log line about it.
// A well-formed id sent by the caller (a gateway, a test) is kept so that one id follows a request across services.
#include "http/pipeline.hpp"

namespace dt::http {

class RequestId : public Middleware {
 public:
  Awaitable<Response> handle(Request& request, Next next) override;

  static bool acceptable(std::string_view id);  // 1-64 chars of [A-Za-z0-9._-]
  static std::string generate();                // 32 random hex digits
};

}  // namespace dt::http
