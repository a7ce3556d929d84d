// OutboxRelay against the real PostgreSQL and Kafka: order per key, exactly once, marked, rows that wait while
// the broker cannot be reached, two relays on one table.
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/use_future.hpp>

#include <set>
#include <thread>

#include "outbox/test_support/relay_test_fixture.hpp"

namespace {

namespace asio = boost::asio;
using dt::events::Producer;
using dt::outbox::OutboxRelay;
using dt::outbox::RelayPass;
using dt::outbox::testing::id_counts;
using dt::outbox::testing::RelayTest;
using dt::outbox::testing::sequence_by_subject;
using namespace std::chrono_literals;

std::vector<int> zero_to(int count) {
  std::vector<int> out;
  for (int n = 0; n < count; ++n) out.push_back(n);
  return out;
}

TEST_F(RelayTest, PublishesEveryRowOnceInOrderPerKeyAndMarksIt) {
  const std::string topic = make_topic(3);
  const std::vector<std::string> users = {"user-a", "user-b", "user-c", "user-d"};
  const auto ids = append(users, 30);
  Producer producer(producer_options());
  auto options = relay_options(topic);
  options.batch_size = 50;  // three batches in one pass
  OutboxRelay relay(*db_, producer, options);

  const RelayPass pass = run(relay.run_pass());
  EXPECT_EQ(pass.published, 120);
  EXPECT_FALSE(pass.failed);
  EXPECT_EQ(unpublished(), 0);
  EXPECT_EQ(run(relay.run_pass()).published, 0) << "marked rows are not published again";

  const auto events = read_topic(topic, 120);
  ASSERT_EQ(events.size(), 120u);
  const auto counts = id_counts(events);
  EXPECT_EQ(counts.size(), 120u);
  for (const auto& id : ids) EXPECT_EQ(counts.count(id), 1u) << id;
  for (const auto& [user, sequence] : sequence_by_subject(events)) EXPECT_EQ(sequence, zero_to(30)) << user;

  const auto& first = events.front();
  EXPECT_EQ(first.type, "test.happened");
  EXPECT_EQ(first.source, "relay-test");
  EXPECT_EQ(first.version, 1);
  EXPECT_EQ(first.trace_id, "trace-" + first.subject);
  EXPECT_EQ(first.time.size(), 24u) << first.time;  // 2026-11-25T10:25:50.123Z
  EXPECT_EQ(first.time.back(), 'Z');
}

TEST_F(RelayTest, TwoRelaysOnOneTablePublishEachRowOnceAndInOrder) {
  const std::string topic = make_topic(3);
  const std::vector<std::string> users = {"user-a", "user-b", "user-c"};
  append(users, 40);
  Producer producer_one(producer_options());
  Producer producer_two(producer_options());
  auto options = relay_options(topic);
  options.batch_size = 7;
  OutboxRelay one(*db_, producer_one, options);
  OutboxRelay two(*db_, producer_two, options);

  int published = 0;
  for (int round = 0; round < 100 && unpublished() > 0; ++round) {
    auto first = asio::co_spawn(executor(), one.run_pass(), asio::use_future);
    auto second = asio::co_spawn(executor(), two.run_pass(), asio::use_future);
    published += first.get().published + second.get().published;
  }
  EXPECT_EQ(published, 120);
  EXPECT_EQ(unpublished(), 0);

  const auto events = read_topic(topic, 120);
  EXPECT_EQ(events.size(), 120u);
  for (const auto& [id, count] : id_counts(events)) EXPECT_EQ(count, 1) << id;
  for (const auto& [user, sequence] : sequence_by_subject(events)) EXPECT_EQ(sequence, zero_to(40)) << user;
}

TEST_F(RelayTest, ARunningRelayPublishesRowsSoonAfterTheyAreAppended) {
  const std::string topic = make_topic(1);
  Producer producer(producer_options());
  OutboxRelay relay(*db_, producer, relay_options(topic));  // polls every 100 ms
  relay.start(executor());
  append({"user-a"}, 3);
  const auto appended = std::chrono::steady_clock::now();
  const auto events = read_topic(topic, 3, 10s);
  const auto waited = std::chrono::steady_clock::now() - appended;
  relay.stop();
  EXPECT_EQ(events.size(), 3u);
  EXPECT_LT(waited, 5s);
  RecordProperty("milliseconds_to_consumed",
                 std::to_string(std::chrono::duration_cast<std::chrono::milliseconds>(waited).count()));
}

TEST_F(RelayTest, RowsWaitWhileTheBrokerIsUnreachableAndGoOutLater) {
  const std::string topic = make_topic(1);
  append({"user-a", "user-b"}, 2);

  auto unreachable_options = producer_options();
  unreachable_options.brokers = "127.0.0.1:1";  // nothing listens there
  unreachable_options.message_timeout = 1500ms;
  {
    Producer unreachable(unreachable_options);
    OutboxRelay relay(*db_, unreachable, relay_options(topic));
    const RelayPass pass = run(relay.run_pass());
    EXPECT_TRUE(pass.failed);
    EXPECT_EQ(pass.published, 0);
    EXPECT_EQ(unpublished(), 4) << "nothing is marked that the broker did not acknowledge";
    EXPECT_TRUE(run(relay.run_pass()).failed) << "and the next pass tries again";
  }

  Producer producer(producer_options());
  OutboxRelay relay(*db_, producer, relay_options(topic));
  EXPECT_EQ(run(relay.run_pass()).published, 4);
  const auto events = read_topic(topic, 4);
  EXPECT_EQ(events.size(), 4u);
  for (const auto& [user, sequence] : sequence_by_subject(events)) EXPECT_EQ(sequence, zero_to(2)) << user;
}

TEST_F(RelayTest, RefusesATableNameThatIsNotSchemaQualified) {
  Producer producer(producer_options());
  auto options = relay_options("any");
  for (const std::string table : {"outbox", "Account.outbox", "account.outbox; DROP TABLE x", ".outbox"}) {
    options.table = table;
    EXPECT_THROW(OutboxRelay(*db_, producer, options), std::invalid_argument) << table;
  }
}

}  // namespace
