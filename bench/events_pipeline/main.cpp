// Events pipeline benchmark: user.registered rows appended to an outbox table -> OutboxRelay -> Kafka ->
// the Notification service (in-process, NotificationHarness) -> SMTP -> Mailpit. Against the real PostgreSQL,
// Kafka and Mailpit (. infra/env.sh). Two phases:
//   burst:  N rows appended in one transaction; events/s = N / (last sent_at - the rows' created_at)
//   paced:  R rows a second, each in its own transaction, for S seconds; latency = sent_at - created_at
//           (both PostgreSQL's clock), p50 / p99 / max
// Usage: events_pipeline [burst-events] [paced-rate-per-second] [paced-seconds]   (tests/load/events.sh)
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/use_future.hpp>

#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>
#include <thread>

#include "db/database.hpp"
#include "events/producer.hpp"
#include "notification/api/test_support/mailpit_client.hpp"
#include "notification/api/test_support/notification_harness.hpp"
#include "outbox/outbox.hpp"
#include "outbox/relay.hpp"
#include "outbox/test_support/outbox_table.hpp"

namespace {

namespace asio = boost::asio;
using namespace dt;
using namespace std::chrono_literals;
using notification::testing::NotificationHarness;

outbox::OutboxEvent registration(const std::string& user_id, const std::string& domain, int n) {
  outbox::OutboxEvent event;
  event.type = "user.registered";
  event.subject = user_id;
  event.data = {{"user_id", user_id},
                {"username", user_id},
                {"email", user_id + "@" + domain},
                {"display_name", "Bench " + std::to_string(n)},
                {"language", n % 2 == 0 ? "vi" : "en"}};
  return event;
}

// Waits until `count` notifications of users starting with `prefix` are sent; false after `timeout`.
bool wait_sent(NotificationHarness& h, const std::string& prefix, std::int64_t count, std::chrono::seconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < deadline) {
    if (h.query_int("SELECT count(*) FROM notification.notifications WHERE status = 'sent' AND user_id LIKE '" +
                    prefix + "%'") >= count) {
      return true;
    }
    std::this_thread::sleep_for(50ms);
  }
  return false;
}

// An aggregate of the milliseconds from the outbox row's created_at (the event's time) to `until`.
std::string latency_ms(NotificationHarness& h, const std::string& prefix, const std::string& aggregate,
                       const std::string& until = "sent_at") {
  return h.query_text("SELECT round((" + aggregate + ")::numeric, 1)::text FROM (SELECT extract(epoch FROM " + until +
                      " - event_time) * 1000 AS ms FROM notification.notifications WHERE user_id LIKE '" + prefix +
                      "%') AS t");
}

constexpr const char* kMedian = "percentile_cont(0.5) WITHIN GROUP (ORDER BY ms)";
constexpr const char* kP99 = "percentile_cont(0.99) WITHIN GROUP (ORDER BY ms)";

void print_row(NotificationHarness& h, const std::string& prefix, const std::string& phase, int events, bool done,
               const std::string& seconds, double per_second) {
  std::printf("| %s | %d | %s | %s | %.0f | %s | %s | %s | %s |\n", phase.c_str(), events, done ? "all" : "NOT ALL",
              seconds.c_str(), per_second, latency_ms(h, prefix, kMedian, "created_at").c_str(),
              latency_ms(h, prefix, kMedian).c_str(), latency_ms(h, prefix, kP99).c_str(),
              latency_ms(h, prefix, "max(ms)").c_str());
}

}  // namespace

int main(int argc, char** argv) {
  const int burst = argc > 1 ? std::atoi(argv[1]) : 2000;
  const int rate = argc > 2 ? std::atoi(argv[2]) : 100;
  const int seconds = argc > 3 ? std::atoi(argv[3]) : 10;
  const char* pg_url = std::getenv("DT_PG_URL");
  const char* brokers = std::getenv("DT_KAFKA_BROKERS");
  if (!pg_url || !brokers || !std::getenv("DT_SMTP_URL") || !std::getenv("DT_MAILPIT_URL")) {
    std::cerr << "DT_PG_URL, DT_KAFKA_BROKERS, DT_SMTP_URL and DT_MAILPIT_URL must be set: . infra/env.sh\n";
    return 2;
  }
  const std::string run = notification::testing::unique_suffix();
  const std::string domain = "bench" + run + ".drivetest.local";
  const std::string schema = "bench_outbox_" + run;

  NotificationHarness h;
  asio::io_context io;
  auto work = asio::make_work_guard(io);
  std::thread io_thread([&io] { io.run(); });
  const auto block = [&io](auto task) { return asio::co_spawn(io, std::move(task), asio::use_future).get(); };

  db::PoolOptions pg;
  pg.url = pg_url;
  pg.max_connections = 4;
  db::Database db(io.get_executor(), pg);
  block(outbox::testing::create_outbox_table(db, schema));
  events::ProducerOptions producer_options;
  producer_options.brokers = brokers;
  producer_options.client_id = "bench-outbox";
  events::Producer producer(producer_options);
  outbox::RelayOptions relay_options;
  relay_options.table = schema + ".outbox";
  relay_options.topic = h.account_topic();
  relay_options.source = "account";
  outbox::OutboxRelay relay(db, producer, relay_options);  // polls every 200 ms, as in a service
  relay.start(io.get_executor());

  // Burst: one transaction.
  block([&]() -> Awaitable<void> {
    co_await db.transaction([&](db::Transaction& tx) -> Awaitable<void> {
      for (int i = 0; i < burst; ++i) {
        const auto event = registration("burst-" + run + "-" + std::to_string(i), domain, i);
        co_await outbox::append(tx, relay_options.table, event);
      }
    });
  }());
  const bool burst_done = wait_sent(h, "burst-" + run, burst, 300s);
  const std::string burst_seconds = h.query_text(
      "SELECT round(extract(epoch FROM max(sent_at) - min(event_time))::numeric, 3)::text"
      " FROM notification.notifications WHERE user_id LIKE 'burst-" +
      run + "%'");

  // Paced: one transaction per event.
  const int paced = rate * seconds;
  const auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < paced; ++i) {
    std::this_thread::sleep_until(start + std::chrono::microseconds(1'000'000LL * i / rate));
    block([&]() -> Awaitable<void> {
      co_await db.transaction([&](db::Transaction& tx) -> Awaitable<void> {
        const auto event = registration("paced-" + run + "-" + std::to_string(i), domain, i);
        co_await outbox::append(tx, relay_options.table, event);
      });
    }());
  }
  const bool paced_done = wait_sent(h, "paced-" + run, paced, 300s);
  const std::string prefix = "paced-" + run;

  std::printf("| phase | events | sent | seconds | events/s | p50 to recorded ms | p50 ms | p99 ms | max ms |\n");
  std::printf("|---|---|---|---|---|---|---|---|---|\n");
  const double burst_s = std::atof(burst_seconds.c_str());
  print_row(h, "burst-" + run, "burst (one transaction)", burst, burst_done, burst_seconds,
            burst_s > 0 ? burst / burst_s : 0.0);
  print_row(h, prefix, "paced " + std::to_string(rate) + "/s for " + std::to_string(seconds) + " s", paced, paced_done,
            std::to_string(seconds), rate);

  const std::string relay_seconds = block([&]() -> Awaitable<std::string> {
    const auto result = co_await db.query(
        "SELECT round(extract(epoch FROM max(published_at) - min(created_at))::numeric,"
        " 3)::text FROM " +
        relay_options.table + " WHERE subject LIKE 'burst-%'");
    co_return result[0].get<std::string>(0);
  }());
  std::printf("\nburst: the relay had published every row %s s after they were appended\n", relay_seconds.c_str());

  relay.stop();
  block([&]() -> Awaitable<void> { co_await db.query("DROP SCHEMA " + schema + " CASCADE"); }());
  notification::testing::MailpitClient().delete_matching("to:\"" + domain + "\"");
  producer.flush(5s);
  work.reset();
  io.stop();
  io_thread.join();
  return burst_done && paced_done ? 0 : 1;
}
