#pragma once
// ClientRequest: what HttpClient::send writes. The client adds Host and User-Agent unless set here, and always
// frames the body itself (Content-Length); nothing else is added, in particular nothing of the request being
// served: pass X-Request-Id (with_request_id) and traceparent explicitly.
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "http/headers.hpp"

namespace dt::http {

struct ClientRequest {
  // Not an aggregate, on purpose: GCC 12 miscompiles an aggregate temporary passed by value inside a co_await
  // expression (`co_await client.send(url, {})` left the body's std::string pointing into a stale copy).
  ClientRequest() = default;

  std::string method = "GET";
  std::string target = "/";  // path and query, percent-encoded; send(url, ...) fills it from the URL
  Headers headers;
  std::string body;
  std::optional<std::chrono::milliseconds> timeout;  // ClientOptions::request_timeout when unset
};

// Sets X-Request-Id so that the callee logs the caller's id (pass the incoming Request::request_id).
inline ClientRequest& with_request_id(ClientRequest& request, std::string_view id) {
  request.headers.set("X-Request-Id", std::string(id));
  return request;
}

}  // namespace dt::http
