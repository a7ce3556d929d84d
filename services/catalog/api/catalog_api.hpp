#pragma once
// What the Catalog's HTTP handlers work with. Handlers parse the request, call the domain and the store, and
// render JSON; they hold no state of their own.
#include <functional>

#include "catalog/domain/date.hpp"

namespace dt::http {
class Router;
}
namespace dt::catalog::store {
class CatalogStore;
}
namespace dt::catalog::bank {
class BankCache;
}

namespace dt::catalog::api {

struct CatalogApi {
  store::CatalogStore& store;
  bank::BankCache& bank;
  std::function<TimePoint()> clock = [] { return std::chrono::system_clock::now(); };
};

// Every /api/catalog route; the OpenAPI document is served at /api/catalog/openapi.yaml.
void add_routes(http::Router& router, CatalogApi& api);

}  // namespace dt::catalog::api
