#pragma once
// The headers that cross the gateway, both ways (pure).
// To the service: the client's headers minus
//   - hop-by-hop headers (Connection and every header it names, Keep-Alive, Proxy-Connection,
//     Proxy-Authorization, TE, Trailer, Transfer-Encoding, Upgrade) and the framing (Content-Length, Expect),
//     which belong to the client's connection, not to the gateway's;
//   - Host (the HTTP client names the instance; the client's Host goes on as X-Forwarded-Host);
//   - every X-DT-* header: identity is the gateway's to assert (X-DT-User-Id, X-DT-Roles), never the client's;
//   - what the gateway sets itself: X-Request-Id, traceparent (and tracestate unless the trace was continued),
//     X-Forwarded-Proto, X-Forwarded-Host;
// plus X-Forwarded-For with the client's address appended, X-Forwarded-Proto "http", X-Request-Id, traceparent,
// and for a verified token X-DT-User-Id (the subject) and X-DT-Roles (comma-separated; either is left out if its
// value holds a control character). Authorization is passed unchanged: every service verifies the token again.
// From the service: its headers minus the hop-by-hop ones, Content-Length and Date (the server sets them).
#include <functional>
#include <string>
#include <string_view>

#include "http/headers.hpp"
#include "http/principal.hpp"

namespace dt::gateway::proxy {

inline constexpr std::string_view kUserIdHeader = "X-DT-User-Id";
inline constexpr std::string_view kRolesHeader = "X-DT-Roles";

struct ForwardContext {
  std::string_view request_id;
  std::string_view client_ip;
  std::string_view traceparent;                // from next_traceparent
  bool trace_continued = false;                // keep the client's tracestate
  const http::Principal* principal = nullptr;  // nullptr: anonymous
};

using HeaderVisitor = std::function<void(std::string_view name, std::string_view value)>;

// X-DT-* in any case.
bool is_identity_header(std::string_view name);

// Calls visit for each header to send to the service, in order (the proxy writes them straight into the request).
void for_each_downstream_header(const http::Headers& incoming, const ForwardContext& context,
                                const HeaderVisitor& visit);
http::Headers downstream_request_headers(const http::Headers& incoming, const ForwardContext& context);

// Whether a header of the service's response goes on to the client; connection: the response's Connection value.
bool keep_response_header(std::string_view name, std::string_view connection);
http::Headers client_response_headers(const http::Headers& from_service);

}  // namespace dt::gateway::proxy
