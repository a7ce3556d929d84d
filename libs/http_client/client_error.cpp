#include "http_client/client_error.hpp"

namespace dt::http {

std::string_view to_string(ClientError::Kind kind) {
  switch (kind) {
    case ClientError::Kind::connect_failed:
      return "connect_failed";
    case ClientError::Kind::timeout:
      return "timeout";
    case ClientError::Kind::protocol:
      return "protocol";
    case ClientError::Kind::body_too_large:
      return "body_too_large";
  }
  return "unknown";
}

}  // namespace dt::http
