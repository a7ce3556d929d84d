#pragma once
// CORS (https://fetch.spec.whatwg.org/#http-cors-protocol) for routes that name a CORS policy. The web app is
// served by the gateway itself (same origin, no CORS needed); policies are for other origins such as the
// development server. Routes without a policy send no CORS headers, so browsers keep other origins out.
//   - Preflight (OPTIONS with Origin and Access-Control-Request-Method): answered by the gateway, never
//     forwarded: 204 with the allowed origin, the route's methods, the policy's headers and max age when the
//     route for the requested method has a policy that allows the origin; 403 otherwise.
//   - Other requests from an allowed origin: Access-Control-Allow-Origin (and -Expose-Headers, -Allow-Credentials)
//     on the response, problems included; Vary: Origin always.
#include "gateway/filters/filter.hpp"

namespace dt::gateway::filters {

class CorsFilter : public Filter {
 public:
  Awaitable<http::Response> handle(Exchange& exchange, FilterNext next) const override;
};

bool is_preflight(const http::Request& request);

// The answer to a preflight whose requested method matched `route` (nullptr: no route takes that method there).
// Throws a 403 Problem when the origin may not call it.
http::Response preflight_response(const routing::Route* route, const http::Request& request);

}  // namespace dt::gateway::filters
