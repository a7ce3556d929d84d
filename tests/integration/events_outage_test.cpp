// Failures on the event path, with the real servers: Kafka stopped while users register (every welcome mail
// arrives once it is back, none twice), and the Notification service killed with SIGKILL in the middle of a
// batch (another instance finishes it: no mail lost, none sent twice). Stops the shared Kafka: SERIAL.
#include <gtest/gtest.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>

#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <chrono>
#include <map>
#include <set>
#include <thread>

#include "account/api/test_support/account_harness.hpp"
#include "async/test_support/run_blocking.hpp"
#include "db/database.hpp"
#include "events/producer.hpp"
#include "events/test_support/kafka_test.hpp"
#include "notification/api/test_support/mailpit_client.hpp"
#include "notification/api/test_support/notification_harness.hpp"
#include "testing/environment.hpp"
#include "testing/infra_script.hpp"

extern char** environ;

namespace {

using dt::testing::required_env;
using namespace std::chrono_literals;
using dt::account::testing::AccountHarness;
using dt::account::testing::HarnessOptions;
using dt::notification::testing::MailpitClient;
using dt::notification::testing::NotificationHarness;

void kafka(const std::string& command) { ASSERT_TRUE(dt::testing::infra_script("kafka", command)) << command; }

TEST(EventsOutage, KafkaDownDelaysWelcomeMailsButLosesNone) {
  NotificationHarness notification;
  HarnessOptions options;
  options.events_topic = notification.account_topic();
  AccountHarness account(options);
  const MailpitClient mailpit;

  kafka("stop");
  std::vector<std::string> users;
  for (int i = 0; i < 3; ++i) {
    users.push_back(account.fresh_username("kd"));
    const auto reply = account.register_user(users.back());
    EXPECT_EQ(reply.status, 201) << "registering does not need Kafka: " << reply.text;
  }
  std::this_thread::sleep_for(1s);
  for (const auto& user : users) EXPECT_TRUE(mailpit.search("to:\"" + user + "@test.drivetest.local\"").empty());
  kafka("start");
  for (const auto& user : users) {
    EXPECT_EQ(mailpit.wait_for("to:\"" + user + "@test.drivetest.local\"", 1, 90s).size(), 1u) << user;
  }
  std::this_thread::sleep_for(2s);
  for (const auto& user : users) EXPECT_EQ(mailpit.search("to:\"" + user + "@test.drivetest.local\"").size(), 1u);
}

// The notification service as its own process, configured for one test's topic, schema and group.
class NotificationProcess {
 public:
  explicit NotificationProcess(const std::map<std::string, std::string>& overrides) {
    std::map<std::string, std::string> variables;
    for (char** e = environ; *e; ++e) {
      const std::string entry(*e);
      const auto eq = entry.find('=');
      if (eq != std::string::npos) variables[entry.substr(0, eq)] = entry.substr(eq + 1);
    }
    for (const auto& [key, value] : overrides) variables[key] = value;
    std::vector<std::string> entries;
    for (const auto& [key, value] : variables) entries.push_back(key + "=" + value);
    std::vector<char*> envp;
    for (auto& entry : entries) envp.push_back(entry.data());
    envp.push_back(nullptr);
    std::string binary = DT_NOTIFICATION_BINARY;
    char* argv[] = {binary.data(), nullptr};
    if (posix_spawn(&pid_, binary.c_str(), nullptr, nullptr, argv, envp.data()) != 0) {
      throw std::runtime_error("cannot start " + binary);
    }
  }
  ~NotificationProcess() { signal(SIGTERM); }
  NotificationProcess(const NotificationProcess&) = delete;
  NotificationProcess& operator=(const NotificationProcess&) = delete;

  void signal(int number) {
    if (pid_ <= 0) return;
    ::kill(pid_, number);
    int status = 0;
    ::waitpid(pid_, &status, 0);
    pid_ = -1;
  }

 private:
  pid_t pid_ = -1;
};

TEST(EventsOutage, ANotificationServiceKilledMidBatchLosesAndRepeatsNothing) {
  const std::string brokers = required_env("DT_KAFKA_BROKERS");
  const auto suffix = dt::notification::testing::unique_suffix();
  const std::string topic = "dt.test.kill-" + suffix;
  const std::string schema = "notification_k" + suffix;
  dt::events::testing::create_topic(brokers, topic, 3);
  const std::map<std::string, std::string> config{{"DT_HTTP_PORT", "0"},
                                                  {"DT_REGISTRY_URL", "off"},
                                                  {"DT_LOG_LEVEL", "warn"},
                                                  {"DT_NOTIFICATION_SCHEMA", schema},
                                                  {"DT_NOTIFICATION_TOPICS", topic},
                                                  {"DT_NOTIFICATION_GROUP", "kill-" + suffix},
                                                  {"DT_NOTIFICATION_CLAIM_SECONDS", "3"},
                                                  {"DT_NOTIFICATION_POLL_INTERVAL_MS", "50"},
                                                  {"DT_SMTP_CONNECTIONS", "1"}};
  constexpr int kEvents = 150;
  const std::string domain = "kill" + suffix + ".drivetest.local";
  const MailpitClient mailpit;
  const std::string query = "to:\"" + domain + "\"";
  {
    boost::asio::io_context io;  // outlives the producer, whose thread completes the publishes on it
    dt::events::ProducerOptions producer_options;
    producer_options.brokers = brokers;
    dt::events::Producer producer(producer_options);
    dt::async::testing::run_blocking(io, [&]() -> dt::Awaitable<void> {
      for (int i = 0; i < kEvents; ++i) {
        const auto event = dt::notification::testing::user_registered(
            "kill-" + suffix + "-" + std::to_string(i), "u" + std::to_string(i) + "@" + domain, "User", "en");
        co_await producer.publish(topic, event);
      }
    });
    producer.flush(5s);
    // The whole batch waits on the topic before the first instance starts; the kill comes as soon as the first mail is
    // marked sent, while most are still to go.
    NotificationProcess first(config);
    dt::async::testing::run_blocking(io, [&]() -> dt::Awaitable<void> {
      dt::db::PoolOptions pg;
      pg.url = required_env("DT_PG_URL");
      dt::db::Database db(co_await boost::asio::this_coro::executor, pg);
      boost::asio::steady_timer timer(co_await boost::asio::this_coro::executor);
      const std::string sent = "SELECT count(*) FROM " + schema + ".notifications WHERE status = 'sent'";
      for (int i = 0; i < 6000; ++i) {
        std::int64_t count = 0;
        try {
          count = (co_await db.query(sent))[0].get<std::int64_t>(0);
        } catch (const dt::db::Error&) {
          // the schema is not migrated yet
        }
        if (count > 0) break;
        timer.expires_after(5ms);
        co_await timer.async_wait(boost::asio::use_awaitable);
      }
    });
    first.signal(SIGKILL);
  }
  const auto after_kill = mailpit.search(query).size();
  NotificationProcess second(config);
  const auto mails = mailpit.wait_for(query, kEvents, 120s);
  std::this_thread::sleep_for(4s);  // past the claim time: a duplicate would show now
  const auto all = mailpit.search(query);
  std::set<std::string> recipients;
  for (const auto& mail : all) recipients.insert(mail.to.empty() ? "" : mail.to.front());
  EXPECT_LT(after_kill, static_cast<std::size_t>(kEvents)) << "the kill came too late to test anything";
  EXPECT_EQ(recipients.size(), static_cast<std::size_t>(kEvents)) << "every event's mail arrived";
  // SMTP has no transactions: a kill in the instant between the server accepting a mail and the row being
  // marked sent repeats the mails then in flight, under the same Message-ID (derived from the event id), so mail
  // systems drop the copies. Every event's mail is there, and no event produced two different mails.
  std::set<std::string> message_ids;
  for (const auto& mail : all) message_ids.insert(mail.message_id);
  EXPECT_EQ(message_ids.size(), static_cast<std::size_t>(kEvents));
  EXPECT_GE(all.size(), static_cast<std::size_t>(kEvents));
  second.signal(SIGTERM);
  dt::events::testing::delete_topic(brokers, topic);
  boost::asio::io_context io;
  dt::async::testing::run_blocking(io, [&]() -> dt::Awaitable<void> {
    dt::db::PoolOptions pg;
    pg.url = required_env("DT_PG_URL");
    dt::db::Database db(co_await boost::asio::this_coro::executor, pg);
    co_await db.query("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
  });
}

}  // namespace
