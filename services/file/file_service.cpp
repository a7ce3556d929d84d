#include "file/file_service.hpp"

#include "auth/auth_settings.hpp"
#include "db/database.hpp"
#include "file/api/error_mapping.hpp"
#include "file/api/file_api.hpp"
#include "file/api/routes.hpp"
#include "file/file_settings.hpp"
#include "file/store/file_store.hpp"
#include "http_client/http_client.hpp"
#include "log/log.hpp"
#include "storage/s3_client.hpp"

namespace dt::file {
namespace {

// Ready: both buckets exist and the credentials may use them.
Awaitable<bool> buckets_reachable(api::FileApi& api) {
  try {
    co_await api.s3.head_bucket(api.settings.public_bucket);
    co_await api.s3.head_bucket(api.settings.private_bucket);
    co_return true;
  } catch (const storage::StorageError& e) {
    log::warn("object store not ready", {{"error", e.what()}});
    co_return false;
  }
}

}  // namespace

void wire_file(service::Service& service, config::EnvConfig& env) {
  db::PoolOptions pg;
  pg.url = env.required_string("DT_PG_URL");
  pg.max_connections = static_cast<std::size_t>(env.integer("DT_PG_MAX_CONNECTIONS", 8, {.min = 1, .max = 500}));
  pg.application_name = "file";
  const auto schema = env.string("DT_FILES_SCHEMA", "files");
  auto settings = read_file_settings(env);
  auto s3_options = read_s3_options(env);
  auth::add_auth(service, env);
  env.check();

  auto& db = service.own(std::make_unique<db::Database>(service.executor(), pg));
  service.startup([&db, schema]() -> Awaitable<void> { co_await store::migrate_store(db, schema); }());
  auto& files = service.own(std::make_unique<store::FileStore>(db, schema));
  auto& s3 = service.own(std::make_unique<storage::S3Client>(std::move(s3_options)));
  auto& catalog = service.own(std::make_unique<http::HttpClient>(service.executor()));
  auto& api = service.own(std::make_unique<api::FileApi>(files, s3, catalog, std::move(settings)));

  service.health().add_check("postgres", [&db] { return db.ping(); });
  service.health().add_check("object-store", [&api] { return buckets_reachable(api); });
  service.add_middleware(std::make_unique<api::ErrorMapping>());
  api::add_routes(service.router(), api);
}

}  // namespace dt::file
