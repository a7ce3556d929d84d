#include "catalog/api/openapi_route.hpp"

namespace dt::catalog::api {

void add_openapi_route(http::Router& router) {
  router.add(http::Method::get, "/api/catalog/openapi.yaml", [](http::Request&) -> Awaitable<http::Response> {
    co_return http::Response::text(200, kOpenApiText, "application/yaml; charset=utf-8");
  });
}

}  // namespace dt::catalog::api
