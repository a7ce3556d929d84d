#include "notification/notification_service.hpp"

#include <sstream>

#include "auth/auth_settings.hpp"
#include "db/database.hpp"
#include "events/consumer.hpp"
#include "events/kafka_settings.hpp"
#include "events/producer.hpp"
#include "notification/api/admin_routes.hpp"
#include "notification/delivery/dead_letters.hpp"
#include "notification/delivery/dispatcher.hpp"
#include "notification/intake/event_handler.hpp"
#include "notification/mail/template_set.hpp"
#include "notification/smtp/smtp_sender.hpp"
#include "notification/store/notification_store.hpp"

namespace dt::notification {
namespace {

std::vector<std::string> comma_list(const std::string& text) {
  std::vector<std::string> items;
  std::stringstream in(text);
  std::string item;
  while (std::getline(in, item, ',')) {
    if (!item.empty()) items.push_back(item);
  }
  return items;
}

}  // namespace

void wire_notification(service::Service& service, config::EnvConfig& env) {
  db::PoolOptions pg;
  pg.url = env.required_string("DT_PG_URL");
  pg.max_connections = static_cast<std::size_t>(env.integer("DT_PG_MAX_CONNECTIONS", 8, {.min = 1, .max = 500}));
  pg.application_name = "notification";
  const auto schema = env.string("DT_NOTIFICATION_SCHEMA", "notification");
  const auto kafka = events::read_kafka_settings(env);
  const auto topics = comma_list(env.string("DT_NOTIFICATION_TOPICS", "account.events,catalog.events"));
  const auto group = env.string("DT_NOTIFICATION_GROUP", "notification");
  const auto dead_letter_topic = env.string("DT_NOTIFICATION_DEAD_LETTER_TOPIC", "notification.dead-letter");
  const auto templates_dir = env.string("DT_NOTIFICATION_TEMPLATES_DIR", DT_NOTIFICATION_TEMPLATES_DIR);
  const auto app_url = env.string("DT_NOTIFICATION_APP_URL", "http://127.0.0.1:28080");
  delivery::DispatcherOptions dispatch;
  dispatch.retry.max_attempts = static_cast<int>(
      env.integer("DT_NOTIFICATION_MAX_ATTEMPTS", dispatch.retry.max_attempts, {.min = 1, .max = 100}));
  dispatch.retry.base_delay =
      env.millis("DT_NOTIFICATION_RETRY_BASE_MS", dispatch.retry.base_delay, {.min = 10, .max = 3'600'000});
  dispatch.retry.max_delay =
      env.millis("DT_NOTIFICATION_RETRY_MAX_MS", dispatch.retry.max_delay, {.min = 10, .max = 86'400'000});
  dispatch.poll_interval =
      env.millis("DT_NOTIFICATION_POLL_INTERVAL_MS", dispatch.poll_interval, {.min = 10, .max = 600'000});
  dispatch.lease = std::chrono::seconds(
      env.integer("DT_NOTIFICATION_CLAIM_SECONDS", dispatch.lease.count(), {.min = 1, .max = 86'400}));
  const auto smtp_settings = smtp::read_smtp_settings(env);
  dispatch.batch_size = smtp_settings.connections * 8;
  auth::add_auth(service, env);
  env.check();
  if (topics.empty()) throw config::ConfigError("DT_NOTIFICATION_TOPICS: no topic given");

  auto& db = service.own(std::make_unique<db::Database>(service.executor(), pg));
  service.startup([&db, schema]() -> Awaitable<void> { co_await store::migrate_store(db, schema); }());
  auto& templates = service.own(std::make_unique<mail::TemplateSet>(mail::TemplateSet::load(templates_dir)));
  auto& store = service.own(std::make_unique<store::NotificationStore>(db, schema));
  auto& smtp = service.own(std::make_unique<smtp::SmtpSender>(smtp_settings));

  events::ProducerOptions producer_options;
  producer_options.brokers = kafka.brokers;
  producer_options.client_id = "notification";
  producer_options.message_timeout = kafka.publish_timeout;
  auto& producer = service.own(std::make_unique<events::Producer>(producer_options));
  auto& dead_letters =
      service.own(std::make_unique<delivery::DeadLetters>(producer, dead_letter_topic, &service.metrics()));
  auto& dispatcher = service.own(
      std::make_unique<delivery::Dispatcher>(store, templates, smtp, dead_letters, dispatch, &service.metrics()));
  auto& handler = service.own(std::make_unique<intake::EventHandler>(
      store, dead_letters, app_url, [&dispatcher] { dispatcher.wake(); }, &service.metrics()));
  auto& api = service.own(std::make_unique<api::NotificationApi>(api::NotificationApi{store, dispatcher}));

  dispatcher.start(service.executor());
  events::ConsumerOptions consumer_options;
  consumer_options.brokers = kafka.brokers;
  consumer_options.group_id = group;
  consumer_options.topics = topics;
  consumer_options.client_id = "notification";
  auto& consumer = service.own(std::make_unique<events::Consumer>(
      service.executor(), consumer_options,
      [&handler](const events::Message& message) -> Awaitable<void> { co_await handler.handle(message); }));
  service.on_shutdown([&consumer, &dispatcher, &producer] {
    consumer.request_stop();
    dispatcher.stop();
    producer.flush(std::chrono::seconds(5));
  });

  service.health().add_check("postgres", [&db] { return db.ping(); });
  api::add_admin_routes(service.router(), api);
}

}  // namespace dt::notification
