#pragma once
// The status line and header block of a response, written into one buffer so that a response goes out in one
// gather write (head + body). It replaces Beast's serializer on the server's hot path: the same bytes for the
// same response, at a fraction of the cost (docs/benchmarks.md, gateway).
//
// The server owns framing: Content-Length, Transfer-Encoding, Connection and Date from a handler are replaced by
// its own; a header whose name is not a token or whose value holds CR, LF or NUL is dropped (no response
// splitting, whatever a handler or an upstream put there).
#include <string>

#include "http/response.hpp"

namespace dt::http::detail {

struct ResponseFraming {
  unsigned version = 11;   // 10 or 11, the request's
  bool keep_alive = true;  // whether the connection stays open after this response
  // HEAD: no body, and the length a GET would carry: the body's, or when there is none, the handler's own
  // Content-Length (a proxy passing on an upstream's answer to a HEAD)
  bool head_request = false;
};

// Appends the head (ending with the blank line) to `out`. The body follows only if `response_has_body`.
void write_response_head(const Response& response, const ResponseFraming& framing, std::string& out);

// Whether bytes of the body follow the head: not for HEAD, 1xx, 204 or 304.
bool response_has_body(int status, bool head_request);

}  // namespace dt::http::detail
