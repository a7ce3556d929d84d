#pragma once
#include <string>

#include "http/headers.hpp"

namespace dt::http {

// A complete response, whatever its status: 4xx and 5xx are answers, not ClientErrors.
struct ClientResponse {
  int status = 0;
  Headers headers;
  std::string body;
};

}  // namespace dt::http
