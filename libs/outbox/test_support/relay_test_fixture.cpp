#include "outbox/test_support/relay_test_fixture.hpp"

#include <boost/asio/this_coro.hpp>

#include <cstdlib>
#include <random>

#include "outbox/outbox.hpp"
#include "outbox/test_support/outbox_table.hpp"

namespace dt::outbox::testing {

void RelayTest::SetUp() {
  KafkaTest::SetUp();
  if (HasFatalFailure()) return;
  const char* url = std::getenv("DT_PG_URL");
  ASSERT_TRUE(url != nullptr && *url != '\0')
      << "DT_PG_URL is not set: start the servers (infra/infra.sh start) and `. infra/env.sh`";
  db::PoolOptions options;
  options.url = url;
  options.max_connections = 6;
  options.application_name = "outbox-relay-test";
  db_ = std::make_unique<db::Database>(executor(), options);
  schema_ = "outbox_t" + std::to_string(std::random_device{}() % 1'000'000'000u);
  table_ = schema_ + ".outbox";
  run(create_outbox_table(*db_, schema_));
}

void RelayTest::TearDown() {
  if (db_) {
    run([this]() -> Awaitable<void> {
      co_await db_->query("DROP SCHEMA IF EXISTS " + schema_ + " CASCADE");
      db_.reset();  // on the io thread, where its connections live
    }());
  }
  KafkaTest::TearDown();
}

RelayOptions RelayTest::relay_options(const std::string& topic) const {
  RelayOptions options;
  options.table = table_;
  options.topic = topic;
  options.source = "relay-test";
  options.interval = std::chrono::milliseconds(100);
  return options;
}

std::vector<std::string> RelayTest::append(const std::vector<std::string>& users, int count, int first) {
  return run([&]() -> Awaitable<std::vector<std::string>> {
    std::vector<std::string> ids;
    for (int n = first; n < first + count; ++n) {
      for (const auto& user : users) {
        OutboxEvent event;
        event.type = "test.happened";
        event.subject = user;
        event.data = {{"n", n}};
        event.trace_id = "trace-" + user;
        ids.push_back(co_await db_->transaction([&](db::Transaction& tx) -> Awaitable<std::string> {
          co_return co_await outbox::append(tx, table_, event);
        }));
      }
    }
    co_return ids;
  }());
}

std::int64_t RelayTest::unpublished() {
  return run([&]() -> Awaitable<std::int64_t> {
    const auto result = co_await db_->query("SELECT count(*) FROM " + table_ + " WHERE published_at IS NULL");
    co_return result[0].get<std::int64_t>(0);
  }());
}

std::vector<events::Event> RelayTest::read_topic(const std::string& topic, std::size_t count,
                                                 std::chrono::milliseconds timeout) {
  events::testing::Received received;
  events::Consumer consumer(executor(),
                            consumer_options(group("read-" + std::to_string(std::random_device{}())), topic),
                            [&](const events::Message& message) -> Awaitable<void> {
                              received.add(message);
                              co_return;
                            });
  EXPECT_TRUE(received.wait_for(count, timeout)) << received.messages().size() << " of " << count << " arrived";
  // Anything more (a duplicate) has had time to arrive with the rest; wait a little for stragglers.
  received.wait_for(count + 1, std::chrono::milliseconds(500));
  consumer.stop();
  std::vector<events::Event> out;
  for (const auto& message : received.messages()) {
    auto event = events::parse_event(message.payload);
    EXPECT_EQ(event.subject, message.key) << "the message key is the subject";
    out.push_back(std::move(event));
  }
  return out;
}

std::map<std::string, std::vector<int>> sequence_by_subject(const std::vector<events::Event>& events) {
  std::map<std::string, std::vector<int>> out;
  for (const auto& event : events) out[event.subject].push_back(static_cast<int>(event.data.at("n").as_int64()));
  return out;
}

std::map<std::string, int> id_counts(const std::vector<events::Event>& events) {
  std::map<std::string, int> out;
  for (const auto& event : events) ++out[event.id];
  return out;
}

}  // namespace dt::outbox::testing
