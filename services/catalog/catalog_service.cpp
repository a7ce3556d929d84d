#include "catalog/catalog_service.hpp"

#include "auth/auth_settings.hpp"
#include "cache/redis.hpp"
#include "catalog/api/catalog_api.hpp"
#include "catalog/api/error_mapping.hpp"
#include "catalog/api/expiry_sweeper.hpp"
#include "catalog/bank/bank_cache.hpp"
#include "catalog/store/catalog_store.hpp"
#include "catalog/store/store_migrations.hpp"
#include "db/database.hpp"
#include "outbox/relay_service.hpp"

namespace dt::catalog {

void wire_catalog(service::Service& service, config::EnvConfig& env, Clock clock) {
  db::PoolOptions pg;
  pg.url = env.required_string("DT_PG_URL");
  pg.max_connections = static_cast<std::size_t>(env.integer("DT_PG_MAX_CONNECTIONS", 16, {.min = 1, .max = 500}));
  pg.application_name = "catalog";
  cache::RedisOptions redis_options;
  redis_options.url = env.required_string("DT_REDIS_URL");
  const auto schema = env.string("DT_CATALOG_SCHEMA", "catalog");
  const auto sweep_interval =
      env.millis("DT_CATALOG_SWEEP_INTERVAL_MS", std::chrono::seconds(5), {.min = 10, .max = 3'600'000});
  const auto events_topic = env.string("DT_CATALOG_EVENTS_TOPIC", "catalog.events");
  auth::add_auth(service, env);
  env.check();

  auto& db = service.own(std::make_unique<db::Database>(service.executor(), pg));
  auto& redis = service.own(std::make_unique<cache::Redis>(service.executor(), redis_options));
  service.startup([&db, schema]() -> Awaitable<void> { co_await store::migrate_store(db, schema); }());
  outbox::add_outbox_relay(service, env, db, schema + ".outbox", events_topic, "catalog");
  auto& catalog_store = service.own(std::make_unique<store::CatalogStore>(db, schema));
  auto& bank = service.own(std::make_unique<bank::BankCache>(catalog_store, redis, schema));
  auto& api = service.own(std::make_unique<api::CatalogApi>(api::CatalogApi{.store = catalog_store, .bank = bank}));
  if (clock) api.clock = std::move(clock);

  auto& sweeper = service.own(std::make_unique<api::ExpirySweeper>(api, sweep_interval));
  sweeper.start(service.executor());
  service.on_shutdown([&sweeper] { sweeper.stop(); });

  service.health().add_check("postgres", [&db] { return db.ping(); });
  service.health().add_check("redis", [&redis] { return redis.ping(); });
  service.add_middleware(std::make_unique<api::ErrorMapping>());
  api::add_routes(service.router(), api);
}

}  // namespace dt::catalog
