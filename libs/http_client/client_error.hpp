#pragma once
// ClientError: why an HttpClient call got no response. A caller serving a request of its own usually answers
// connect_failed with 503, timeout with 504, protocol and body_too_large with 502.
#include <stdexcept>
#include <string>
#include <string_view>

namespace dt::http {

class ClientError : public std::runtime_error {
 public:
  enum class Kind {
    connect_failed,  // resolving or connecting failed or timed out: the request was not sent
    timeout,         // no free connection within acquire_timeout (not sent), or no whole response in time
    protocol,        // the connection broke before the whole response, or the response is not valid HTTP/1.1
    body_too_large,  // the response body exceeds ClientOptions::max_response_body
  };

  ClientError(Kind kind, const std::string& message) : std::runtime_error(message), kind_(kind) {}

  Kind kind() const { return kind_; }

 private:
  Kind kind_;
};

std::string_view to_string(ClientError::Kind kind);

}  // namespace dt::http
