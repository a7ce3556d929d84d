#include "notification/api/test_support/notification_harness.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_future.hpp>

#include <stdexcept>
#include <thread>

#include "async/test_support/run_blocking.hpp"
#include "auth/test_support/jwks_server.hpp"
#include "auth/test_support/token_factory.hpp"
#include "db/database.hpp"
#include "db/schema_name.hpp"
#include "events/consumer.hpp"
#include "events/producer.hpp"
#include "events/test_support/kafka_test.hpp"
#include "log/log.hpp"
#include "notification/notification_service.hpp"
#include "service/service.hpp"
#include "testing/environment.hpp"

namespace dt::notification::testing {
namespace {

using dt::testing::required_env;
template <class F>
void run_on_io(F task) {
  boost::asio::io_context io;
  async::testing::run_blocking(io, std::move(task));
}

}  // namespace

std::string unique_suffix() { return dt::testing::unique_name(""); }

std::string closed_smtp_url() {
  boost::asio::io_context io;
  boost::asio::ip::tcp::acceptor acceptor(io, {boost::asio::ip::make_address("127.0.0.1"), 0});
  const auto port = acceptor.local_endpoint().port();
  acceptor.close();
  return "smtp://127.0.0.1:" + std::to_string(port);
}

events::Event user_registered(const std::string& user_id, const std::string& email, const std::string& display_name,
                              const std::string& language, std::optional<bool> opt_in_exam_results) {
  boost::json::object data{{"user_id", user_id},
                           {"username", "user" + user_id},
                           {"email", email},
                           {"display_name", display_name},
                           {"language", language}};
  if (opt_in_exam_results) data["opt_in_exam_results"] = *opt_in_exam_results;
  return events::make_event("user.registered", 1, "account", user_id, std::move(data), "trace-" + user_id);
}

events::Event exam_completed(const std::string& user_id, int score, int max_score, bool passed) {
  boost::json::array reasons;
  if (!passed) reasons.push_back("score_below_pass_mark");
  boost::json::object data{{"user_id", user_id},
                           {"exam_id", "exam-" + unique_suffix()},
                           {"blueprint", "vn-2025-B"},
                           {"jurisdiction", "vn"},
                           {"licence_class", "B"},
                           {"score", score},
                           {"max_score", max_score},
                           {"passed", passed},
                           {"fail_reasons", std::move(reasons)},
                           {"finish", "submitted"},
                           {"started_at", "2026-11-25T10:00:00.000Z"},
                           {"finished_at", "2026-11-25T10:19:00.000Z"}};
  return events::make_event("exam.completed", 1, "catalog", user_id, std::move(data));
}

struct NotificationHarness::Impl {
  std::string pg_url = required_env("DT_PG_URL");
  std::string brokers = required_env("DT_KAFKA_BROKERS");
  std::string smtp_url = required_env("DT_SMTP_URL");
  std::string suffix = unique_suffix();
  std::string schema = "notification_t" + suffix;
  std::string prefix = "dt-test-notification-" + suffix;
  std::string group = prefix + "-group";
  std::string account_topic;
  std::string catalog_topic;
  std::string dead_letter_topic = prefix + "-dead-letter";
  std::vector<std::string> topics;        // consumed
  std::vector<std::string> owned_topics;  // created here, deleted at the end
  auth::testing::TokenFactory tokens;
  auth::testing::JwksServer jwks{tokens.jwks()};
  // Publishing runs here, on one io_context for the harness's life: the producer's delivery reports may still
  // hold a publish's completion channel just after the publish returned, so its executor must outlive it.
  boost::asio::io_context publish_io;
  boost::asio::executor_work_guard<boost::asio::io_context::executor_type> publish_work{publish_io.get_executor()};
  std::thread publish_thread{[this] { publish_io.run(); }};
  events::Producer producer{[this] {
    events::ProducerOptions options;
    options.brokers = brokers;
    options.client_id = "notification-harness";
    return options;
  }()};
  std::unique_ptr<service::Service> service;
  std::thread thread;

  void create_topic(const std::string& topic) {
    events::testing::create_topic(brokers, topic, 3);
    owned_topics.push_back(topic);
  }

  template <class F>
  void with_db(F body) {
    run_on_io([&]() -> Awaitable<void> {
      db::PoolOptions options;
      options.url = pg_url;
      options.max_connections = 1;
      db::Database db(co_await boost::asio::this_coro::executor, options);
      co_await body(db);
    });
  }

  void start(const NotificationHarnessOptions& options) {
    service::ServiceSettings settings;
    settings.name = "notification";
    settings.threads = 2;
    settings.http.port = 0;
    service = std::make_unique<service::Service>(settings);
    std::string topic_list;
    for (const auto& topic : topics) topic_list += (topic_list.empty() ? "" : ",") + topic;
    std::map<std::string, std::string> vars{{"DT_PG_URL", pg_url},
                                            {"DT_NOTIFICATION_SCHEMA", schema},
                                            {"DT_KAFKA_BROKERS", brokers},
                                            {"DT_NOTIFICATION_TOPICS", topic_list},
                                            {"DT_NOTIFICATION_GROUP", group},
                                            {"DT_NOTIFICATION_DEAD_LETTER_TOPIC", dead_letter_topic},
                                            {"DT_SMTP_URL", options.smtp_url.value_or(smtp_url)},
                                            {"DT_SMTP_TIMEOUT_MS", "3000"},
                                            {"DT_NOTIFICATION_MAX_ATTEMPTS", options.max_attempts},
                                            {"DT_NOTIFICATION_RETRY_BASE_MS", options.retry_base_ms},
                                            {"DT_NOTIFICATION_RETRY_MAX_MS", options.retry_max_ms},
                                            {"DT_NOTIFICATION_POLL_INTERVAL_MS", options.poll_interval_ms},
                                            {"DT_NOTIFICATION_CLAIM_SECONDS", options.claim_seconds},
                                            {"DT_NOTIFICATION_APP_URL", "https://drivetest.test"},
                                            {"DT_AUTH_JWKS_URL", jwks.url()}};
    for (const auto& [name, value] : options.extra_env) vars[name] = value;
    config::EnvConfig env([vars](const std::string& name) -> std::optional<std::string> {
      auto it = vars.find(name);
      if (it == vars.end()) return std::nullopt;
      return it->second;
    });
    wire_notification(*service, env);
    thread = std::thread([this] { service->run(); });
    for (int i = 0; i < 500 && service->port() == 0; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
    if (service->port() == 0) throw std::runtime_error("the notification service did not start listening");
  }

  void stop() {
    if (!service) return;
    service->stop();
    thread.join();
    service.reset();
  }
};

NotificationHarness::NotificationHarness(NotificationHarnessOptions options) : impl_(std::make_unique<Impl>()) {
  log::init({.service = "notification-test", .level = log::Level::warn});
  if (options.topics.empty()) {
    impl_->account_topic = impl_->prefix + "-account";
    impl_->catalog_topic = impl_->prefix + "-catalog";
    impl_->create_topic(impl_->account_topic);
    impl_->create_topic(impl_->catalog_topic);
    impl_->topics = {impl_->account_topic, impl_->catalog_topic};
  } else {
    impl_->topics = options.topics;
  }
  impl_->create_topic(impl_->dead_letter_topic);
  impl_->start(options);
}

NotificationHarness::~NotificationHarness() {
  impl_->stop();
  try {
    impl_->with_db([&](db::Database& db) -> Awaitable<void> {
      co_await db.query("DROP SCHEMA IF EXISTS " + impl_->schema + " CASCADE");
    });
    for (const auto& topic : impl_->owned_topics) events::testing::delete_topic(impl_->brokers, topic);
  } catch (const std::exception& e) {
    log::warn("notification harness cleanup failed", {{"error", e.what()}});
  }
  impl_->producer.flush(std::chrono::seconds(5));
  impl_->publish_work.reset();
  impl_->publish_thread.join();
}

void NotificationHarness::restart(NotificationHarnessOptions options) {
  impl_->stop();
  impl_->start(options);
}

std::uint16_t NotificationHarness::port() const { return impl_->service->port(); }
const std::string& NotificationHarness::schema() const { return impl_->schema; }
const std::string& NotificationHarness::account_topic() const { return impl_->account_topic; }
const std::string& NotificationHarness::catalog_topic() const { return impl_->catalog_topic; }
const std::string& NotificationHarness::dead_letter_topic() const { return impl_->dead_letter_topic; }
const std::string& NotificationHarness::group() const { return impl_->group; }

Reply NotificationHarness::call(const std::string& method, const std::string& target, const std::string& body,
                                const std::string& role) {
  std::string headers;
  if (!role.empty()) {
    headers = "Authorization: Bearer " + impl_->tokens.token_for("harness-" + role, {role}) + "\r\n";
  }
  return http::testing::json_call(port(), method, target, body, headers);
}

void NotificationHarness::publish(const std::string& topic, const events::Event& event) {
  publish_raw(topic, event.subject, events::to_json(event));
}

void NotificationHarness::publish_raw(const std::string& topic, const std::string& key, const std::string& payload) {
  boost::asio::co_spawn(impl_->publish_io, impl_->producer.publish(topic, key, payload), boost::asio::use_future).get();
}

std::string NotificationHarness::status_of(const std::string& event_id) {
  std::string status;
  impl_->with_db([&](db::Database& db) -> Awaitable<void> {
    const auto result =
        co_await db.query("SELECT status FROM " + impl_->schema + ".notifications WHERE event_id = $1", event_id);
    if (!result.empty()) status = result[0].get<std::string>(0);
  });
  return status;
}

bool NotificationHarness::wait_for_status(const std::string& event_id, const std::string& status,
                                          std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < deadline) {
    if (status_of(event_id) == status) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  return status_of(event_id) == status;
}

std::vector<std::string> NotificationHarness::dead_letters(const std::string& containing, std::size_t count,
                                                           std::chrono::milliseconds timeout) {
  const auto matching = [&containing](const std::vector<events::Message>& messages) {
    std::vector<std::string> values;
    for (const auto& message : messages) {
      if (message.payload.find(containing) != std::string::npos) values.push_back(message.payload);
    }
    return values;
  };
  boost::asio::io_context io;
  auto work = boost::asio::make_work_guard(io);
  std::thread io_thread([&io] { io.run(); });
  events::testing::Received received;
  {
    events::ConsumerOptions options;
    options.brokers = impl_->brokers;
    options.group_id = impl_->prefix + "-dead-letter-reader-" + unique_suffix();
    options.topics = {impl_->dead_letter_topic};
    options.client_id = "notification-harness";
    events::Consumer consumer(io.get_executor(), options, [&](const events::Message& message) -> Awaitable<void> {
      received.add(message);
      co_return;
    });
    received.wait_until([&](const std::vector<events::Message>& all) { return matching(all).size() >= count; },
                        timeout);
    consumer.stop();
  }
  work.reset();
  io_thread.join();
  return matching(received.messages());
}

std::int64_t NotificationHarness::query_int(const std::string& query) {
  std::int64_t value = 0;
  impl_->with_db([&](db::Database& db) -> Awaitable<void> {
    const auto result = co_await db.query(db::rename_schema(query, "notification", impl_->schema));
    value = result[0].get<std::int64_t>(0);
  });
  return value;
}

std::string NotificationHarness::query_text(const std::string& query) {
  std::string value;
  impl_->with_db([&](db::Database& db) -> Awaitable<void> {
    const auto result = co_await db.query(db::rename_schema(query, "notification", impl_->schema));
    value = result[0].get<std::string>(0);
  });
  return value;
}

}  // namespace dt::notification::testing
