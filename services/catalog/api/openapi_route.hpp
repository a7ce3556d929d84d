#pragma once
#include "http/router.hpp"

namespace dt::catalog::api {

// GET /api/catalog/openapi.yaml: api/openapi.yaml, compiled into the binary (openapi_text.cpp is generated).
void add_openapi_route(http::Router& router);
extern const char* const kOpenApiText;

}  // namespace dt::catalog::api
