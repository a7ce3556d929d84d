#include "catalog/api/test_support/catalog_harness.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/json/parse.hpp>

#include <atomic>
#include <cstdlib>
#include <fstream>
#include <future>
#include <sstream>
#include <stdexcept>
#include <thread>

#include "async/test_support/run_blocking.hpp"
#include "auth/test_support/jwks_server.hpp"
#include "auth/test_support/token_factory.hpp"
#include "catalog/catalog_service.hpp"
#include "catalog/io/bank_parse.hpp"
#include "catalog/store/catalog_store.hpp"
#include "catalog/store/store_migrations.hpp"
#include "db/database.hpp"
#include "log/log.hpp"
#include "service/test_support/in_process_service.hpp"
#include "testing/environment.hpp"

namespace dt::catalog::testing {
namespace {

using dt::testing::required_env;
using dt::testing::unique_name;
template <class F>
void run_on_io(F task) {
  boost::asio::io_context io;
  async::testing::run_blocking(io, std::move(task));
}

}  // namespace

bool mentions(const boost::json::value& value, std::string_view member) {
  if (const auto* o = value.if_object()) {
    for (const auto& [k, child] : *o) {
      if (k == member || mentions(child, member)) return true;
    }
  } else if (const auto* a = value.if_array()) {
    for (const auto& child : *a) {
      if (mentions(child, member)) return true;
    }
  }
  return false;
}

std::string read_data_file(const std::string& name) {
  const char* dir = std::getenv("DT_SOURCE_DIR");
  const std::string root = dir && *dir ? dir : DT_DEFAULT_SOURCE_DIR;
  std::ifstream in(root + "/services/catalog/data/" + name, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read services/catalog/data/" + name);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

struct CatalogHarness::Impl {
  std::string pg_url = required_env("DT_PG_URL");
  std::string redis_url = required_env("DT_REDIS_URL");
  std::string schema = unique_name("catalog_t");
  std::atomic<std::int64_t> offset_seconds{0};
  auth::testing::TokenFactory tokens;
  auth::testing::JwksServer jwks{tokens.jwks()};
  std::unique_ptr<service::testing::InProcessService> service;

  void import(const std::vector<std::string>& banks) {
    run_on_io([&]() -> Awaitable<void> {
      db::PoolOptions options;
      options.url = pg_url;
      db::Database db(co_await boost::asio::this_coro::executor, options);
      co_await store::migrate_store(db, schema);
      store::CatalogStore catalog(db, schema);
      for (const auto& name : banks) {
        const auto parsed =
            io::parse_bank(boost::json::parse(read_data_file(name)), co_await catalog.known_references());
        if (!parsed.report.ok()) throw std::runtime_error(name + " has rejections");
        co_await catalog.import_bank(parsed.accepted, "harness");
      }
    });
  }

  void drop_schema() {
    run_on_io([&]() -> Awaitable<void> {
      db::PoolOptions options;
      options.url = pg_url;
      db::Database db(co_await boost::asio::this_coro::executor, options);
      co_await db.query("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    });
  }
};

CatalogHarness::CatalogHarness(std::vector<std::string> banks, Identity identity) : impl_(std::make_unique<Impl>()) {
  log::init({.service = "catalog-test", .level = log::Level::warn});
  impl_->import(banks);
  std::map<std::string, std::string> vars{{"DT_PG_URL", impl_->pg_url},
                                          {"DT_REDIS_URL", impl_->redis_url},
                                          {"DT_CATALOG_SCHEMA", impl_->schema},
                                          {"DT_CATALOG_SWEEP_INTERVAL_MS", "100"}};
  if (identity == Identity::keycloak) {
    vars["DT_AUTH_ISSUER"] = required_env("DT_KEYCLOAK_URL") + "/realms/drivetest";
  } else {
    vars["DT_AUTH_JWKS_URL"] = impl_->jwks.url();
  }
  impl_->service = std::make_unique<service::testing::InProcessService>(
      "catalog", vars, [impl = impl_.get()](service::Service& service, config::EnvConfig& env) {
        wire_catalog(service, env, [impl] {
          return std::chrono::system_clock::now() + std::chrono::seconds(impl->offset_seconds.load());
        });
      });
}

CatalogHarness::~CatalogHarness() {
  impl_->service.reset();
  try {
    impl_->drop_schema();
  } catch (const std::exception&) {
  }
}

std::uint16_t CatalogHarness::port() const { return impl_->service->port(); }
void CatalogHarness::advance_clock(std::chrono::seconds by) { impl_->offset_seconds += by.count(); }
const std::string& CatalogHarness::schema() const { return impl_->schema; }

std::int64_t CatalogHarness::query_int(const std::string& query) {
  std::int64_t value = 0;
  run_on_io([&]() -> Awaitable<void> {
    db::PoolOptions options;
    options.url = impl_->pg_url;
    db::Database db(co_await boost::asio::this_coro::executor, options);
    const auto result = co_await db.query(store::qualify(query, impl_->schema));
    value = result[0].get<std::int64_t>(0);
  });
  return value;
}

std::string CatalogHarness::token_for(const std::string& user_id, bool admin) const {
  return impl_->tokens.token_for(
      user_id, admin ? std::vector<std::string>{"learner", "admin"} : std::vector<std::string>{"learner"});
}

Reply CatalogHarness::call(const std::string& method, const std::string& target, const std::string& body,
                           std::optional<std::string> user, bool admin, const std::string& extra_headers) {
  std::string headers = extra_headers;
  if (user) headers += "Authorization: Bearer " + token_for(*user, admin) + "\r\n";
  return http::testing::json_call(port(), method, target, body, headers);
}

}  // namespace dt::catalog::testing
