#pragma once
// NotificationHarness: the whole Notification service in-process on an ephemeral port, against the real
// PostgreSQL (DT_PG_URL; a schema of its own, dropped afterwards), Kafka (DT_KAFKA_BROKERS; topics and a
// consumer group of its own, the topics deleted afterwards) and SMTP catcher (DT_SMTP_URL, read back with
// MailpitClient). Admin calls carry real RS256 tokens checked against the harness's own JWKS server.
//
//   NotificationHarness h;
//   const auto event = user_registered("u-1", "ada-1@test.drivetest.local", "Ada", "en");
//   h.publish(h.account_topic(), event);
//   h.wait_for_status(event.id, "sent", 20s);
//
// For end-to-end tests with another service, pass the topic that service's outbox relay publishes to in
// options.topics; restart() replaces the service (same schema, topics and group) as a redeployment would.
#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "events/envelope.hpp"
#include "http/test_support/json_call.hpp"

namespace dt::notification::testing {

using Reply = http::testing::JsonReply;

struct NotificationHarnessOptions {
  std::optional<std::string> smtp_url;  // default DT_SMTP_URL; closed_smtp_url() for an SMTP server that is down
  std::string max_attempts = "5";
  std::string retry_base_ms = "100";
  std::string retry_max_ms = "1000";
  std::string poll_interval_ms = "200";
  std::string claim_seconds = "10";
  // Topics to consume. Empty: the harness creates its own account and catalog topics (account_topic(),
  // catalog_topic()) and deletes them at the end; given topics are left alone.
  std::vector<std::string> topics;
  std::map<std::string, std::string> extra_env;  // any other variable, e.g. {"DT_SMTP_USERNAME", "x"}
};

class NotificationHarness {
 public:
  explicit NotificationHarness(NotificationHarnessOptions options = {});
  ~NotificationHarness();
  NotificationHarness(const NotificationHarness&) = delete;
  NotificationHarness& operator=(const NotificationHarness&) = delete;

  // Stops the service (as SIGTERM would) and starts a new one with `options` on the same schema, topics and
  // consumer group (options.topics is ignored).
  void restart(NotificationHarnessOptions options);

  std::uint16_t port() const;
  const std::string& schema() const;
  const std::string& account_topic() const;  // empty when options.topics was given
  const std::string& catalog_topic() const;
  const std::string& dead_letter_topic() const;
  const std::string& group() const;

  // One request; role "admin" (default) or "learner" sends a token with that role, "" none.
  Reply call(const std::string& method, const std::string& target, const std::string& body = "",
             const std::string& role = "admin");

  // Publishes and waits for the broker's acknowledgement.
  void publish(const std::string& topic, const events::Event& event);
  void publish_raw(const std::string& topic, const std::string& key, const std::string& payload);

  // The notification's status ("" when there is none), and waiting for one.
  std::string status_of(const std::string& event_id);
  bool wait_for_status(const std::string& event_id, const std::string& status, std::chrono::milliseconds timeout);
  // The values on the dead-letter topic that contain `containing` (an event id, a key), once at least `count`
  // of them arrived (or `timeout` passed).
  std::vector<std::string> dead_letters(const std::string& containing, std::size_t count,
                                        std::chrono::milliseconds timeout);

  // SQL against the harness's schema: "notification." in the text is renamed.
  std::int64_t query_int(const std::string& query);
  std::string query_text(const std::string& query);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// smtp://127.0.0.1:<port> where nothing listens (a port just bound and released).
std::string closed_smtp_url();
// A user.registered event as the Account service records it (docs/events.md).
events::Event user_registered(const std::string& user_id, const std::string& email, const std::string& display_name,
                              const std::string& language, std::optional<bool> opt_in_exam_results = std::nullopt);
// An exam.completed event as the Catalog records it.
events::Event exam_completed(const std::string& user_id, int score, int max_score, bool passed);
// Random digits, for user ids and addresses no other test uses.
std::string unique_suffix();

}  // namespace dt::notification::testing
