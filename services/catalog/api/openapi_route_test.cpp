// The OpenAPI document and the router agree: every route is documented, every documented operation exists.
#include <gtest/gtest.h>

#include <boost/asio/io_context.hpp>

#include <set>
#include <sstream>

#include "cache/redis.hpp"
#include "catalog/api/catalog_api.hpp"
#include "catalog/api/openapi_route.hpp"
#include "catalog/bank/bank_cache.hpp"
#include "catalog/store/catalog_store.hpp"
#include "db/database.hpp"
#include "http/router.hpp"

namespace {

// "GET /api/catalog/exams/{id}" for each operation under paths: (two-space path keys, four-space methods).
std::set<std::string> documented_operations() {
  std::set<std::string> ops;
  std::istringstream in(dt::catalog::api::kOpenApiText);
  std::string line;
  std::string path;
  bool in_paths = false;
  while (std::getline(in, line)) {
    if (line == "paths:") {
      in_paths = true;
      continue;
    }
    if (!in_paths) continue;
    if (line.rfind("  /", 0) == 0 && line.back() == ':') {
      path = line.substr(2, line.size() - 3);
    } else if (line.size() > 5 && line.rfind("    ", 0) == 0 && line[4] != ' ' && line.back() == ':') {
      std::string method = line.substr(4, line.size() - 5);
      static const std::set<std::string> kMethods{"get", "put", "post", "delete", "patch", "head", "options"};
      if (!kMethods.contains(method)) continue;  // e.g. path-level "parameters:"
      for (auto& c : method) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      ops.insert(method + " " + path);
    }
  }
  return ops;
}

TEST(OpenApi, DocumentsEveryRouteAndNothingElse) {
  boost::asio::io_context io;
  dt::db::PoolOptions pg;
  pg.url = "postgresql://unused@127.0.0.1:1/unused";
  dt::db::Database db(io.get_executor(), pg);
  dt::cache::RedisOptions redis_options;
  redis_options.url = "redis://127.0.0.1:1/0";
  dt::cache::Redis redis(io.get_executor(), redis_options);
  dt::catalog::store::CatalogStore store(db);
  dt::catalog::bank::BankCache bank(store, redis);
  dt::catalog::api::CatalogApi api{.store = store, .bank = bank};
  dt::http::Router router;
  dt::catalog::api::add_routes(router, api);

  auto documented = documented_operations();
  for (const char* service_route : {"GET /health/live", "GET /health/ready", "GET /metrics"}) {
    EXPECT_EQ(documented.erase(service_route), 1u) << service_route << " (added by the service kit)";
  }
  const auto routes = router.routes();
  const std::set<std::string> registered(routes.begin(), routes.end());
  for (const auto& r : registered) EXPECT_TRUE(documented.contains(r)) << r << " is not in openapi.yaml";
  for (const auto& d : documented) EXPECT_TRUE(registered.contains(d)) << d << " is documented but not routed";
  EXPECT_GT(registered.size(), 30u);
}

}  // namespace
