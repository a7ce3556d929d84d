#pragma once
// GatewayHandler: the kit middleware that is the gateway, after the standard chain (request id, access log,
// metrics, problem responder). For each request:
//   1. the gateway's own endpoints (/health/live, /health/ready, /metrics) go on to the kit's router;
//   2. a malformed target (routing/request_target.hpp), an HTTP/1.1 request without Host or a transfer coding
//      other than "chunked" is a 400;
//   3. a CORS preflight is answered (filters/cors_filter.hpp);
//   4. the route table in force matches method and path: a route runs the filter chain (gateway_filters.hpp)
//      with Request::route set to the route's name, for the access log and the per-route metrics; a path some
//      route takes with other methods is a 405 with Allow; another path under /api/ is a 404;
//   5. anything else is the web app (static/static_site.hpp), labelled "static".
#include "gateway/filters/filter.hpp"
#include "gateway/routing/route_table_holder.hpp"
#include "gateway/static/static_site.hpp"
#include "http/pipeline.hpp"

namespace dt::gateway {

class GatewayHandler : public http::Middleware {
 public:
  // All three must outlive the handler.
  GatewayHandler(const routing::RouteTableHolder& routes, const filters::FilterChain& chain,
                 const static_files::StaticSite& site);
  Awaitable<http::Response> handle(http::Request& request, http::Next next) override;

 private:
  const routing::RouteTableHolder& routes_;
  const filters::FilterChain& chain_;
  const static_files::StaticSite& site_;
};

}  // namespace dt::gateway
