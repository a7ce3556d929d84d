#include "account/account_service.hpp"

#include "account/api/account_api.hpp"
#include "account/api/error_mapping.hpp"
#include "account/api/registration.hpp"
#include "account/api/routes.hpp"
#include "account/keycloak/keycloak_admin.hpp"
#include "account/store/profile_store.hpp"
#include "auth/auth_settings.hpp"
#include "db/database.hpp"
#include "http_client/http_client.hpp"
#include "log/log.hpp"
#include "outbox/relay_service.hpp"
#include "service/periodic_task.hpp"

namespace dt::account {

void wire_account(service::Service& service, config::EnvConfig& env) {
  db::PoolOptions pg;
  pg.url = env.required_string("DT_PG_URL");
  pg.max_connections = static_cast<std::size_t>(env.integer("DT_PG_MAX_CONNECTIONS", 8, {.min = 1, .max = 500}));
  pg.application_name = "account";
  const auto schema = env.string("DT_ACCOUNT_SCHEMA", "account");
  keycloak::KeycloakOptions kc;
  kc.base_url = env.string("DT_KEYCLOAK_URL", kc.base_url);
  kc.realm = env.string("DT_KEYCLOAK_REALM", kc.realm);
  kc.client_id = env.string("DT_KEYCLOAK_ACCOUNT_CLIENT", kc.client_id);
  kc.client_secret = env.required_string("DT_KEYCLOAK_ACCOUNT_SECRET");
  kc.timeout = env.millis("DT_KEYCLOAK_TIMEOUT_MS", kc.timeout, {.min = 100, .max = 60'000});
  const auto reconcile_interval =
      env.millis("DT_ACCOUNT_RECONCILE_INTERVAL_MS", std::chrono::seconds(30), {.min = 10, .max = 3'600'000});
  const auto events_topic = env.string("DT_ACCOUNT_EVENTS_TOPIC", "account.events");
  const auto pending_grace =
      std::chrono::seconds(env.integer("DT_ACCOUNT_PENDING_GRACE_SECONDS", 120, {.min = 0, .max = 86'400}));
  auth::add_auth(service, env);
  env.check();

  auto& db = service.own(std::make_unique<db::Database>(service.executor(), pg));
  service.startup([&db, schema]() -> Awaitable<void> { co_await store::migrate_store(db, schema); }());
  outbox::add_outbox_relay(service, env, db, schema + ".outbox", events_topic, "account");
  auto& profiles = service.own(std::make_unique<store::ProfileStore>(db, schema));
  auto& client = service.own(std::make_unique<http::HttpClient>(service.executor()));
  auto& keycloak = service.own(std::make_unique<keycloak::KeycloakAdmin>(client, kc));
  auto& api = service.own(std::make_unique<api::AccountApi>(api::AccountApi{.store = profiles, .keycloak = keycloak}));

  auto& reconciler = service.own(std::make_unique<service::PeriodicTask>(
      "registration reconciler", reconcile_interval, [&api, pending_grace]() -> Awaitable<void> {
        const int settled = co_await api::settle_pending_registrations(api, pending_grace);
        if (settled > 0) log::info("pending registrations settled", {{"count", settled}});
      }));
  reconciler.start(service.executor());
  service.on_shutdown([&reconciler] { reconciler.stop(); });

  service.health().add_check("postgres", [&db] { return db.ping(); });
  service.health().add_check("keycloak", [&keycloak] { return keycloak.ping(); });
  service.add_middleware(std::make_unique<api::ErrorMapping>());
  api::add_routes(service.router(), api);
}

}  // namespace dt::account
