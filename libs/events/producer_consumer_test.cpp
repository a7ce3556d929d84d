// Producer and Consumer against the real Kafka (DT_KAFKA_BROKERS): ordering per key, failures, consumer groups.
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/use_future.hpp>
#include <boost/json/object.hpp>

#include <future>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "events/test_support/kafka_test.hpp"

namespace {

namespace asio = boost::asio;
using dt::Awaitable;
using dt::events::Consumer;
using dt::events::Delivery;
using dt::events::Event;
using dt::events::Message;
using dt::events::Producer;
using dt::events::PublishError;
using dt::events::testing::KafkaTest;
using dt::events::testing::Received;
using namespace std::chrono_literals;

using ProducerConsumer = KafkaTest;

// A handler that records every message and succeeds.
Consumer::Handler record_into(Received& received) {
  return [&received](const Message& message) -> Awaitable<void> {
    received.add(message);
    co_return;
  };
}

Event numbered_event(const std::string& user, int seq) {
  boost::json::object data;
  data["seq"] = seq;
  return dt::events::make_event("test.numbered", 1, "dt-events-test", user, std::move(data));
}

int seq_of(const Message& message) {
  return static_cast<int>(dt::events::parse_event(message.payload).data.at("seq").as_int64());
}

// A handler that records every message in `own` and in `all`.
Consumer::Handler record_into(Received& own, Received& all) {
  return [&own, &all](const Message& message) -> Awaitable<void> {
    own.add(message);
    all.add(message);
    co_return;
  };
}

// Publishes events numbered first_seq.. for each user (`per_user` each) and waits for all. Every publish is
// started at once (pipelined); they reach librdkafka in order because `executor` runs on one thread, FIFO.
void publish_numbered(dt::Executor executor, Producer& producer, const std::string& topic,
                      const std::vector<std::string>& users, int per_user, int first_seq = 0) {
  std::vector<std::future<Delivery>> deliveries;
  for (int seq = first_seq; seq < first_seq + per_user; ++seq) {
    for (const auto& user : users) {
      deliveries.push_back(
          asio::co_spawn(executor, producer.publish(topic, numbered_event(user, seq)), asio::use_future));
    }
  }
  for (auto& delivery : deliveries) delivery.get();
}

TEST_F(ProducerConsumer, EventsOfAKeyArriveInTheOrderTheyWerePublished) {
  const std::string topic = make_topic(3);
  const std::vector<std::string> users = {"user-a", "user-b", "user-c", "user-d", "user-e"};
  constexpr int per_user = 40;
  Producer producer(producer_options());
  publish_numbered(executor(), producer, topic, users, per_user);
  EXPECT_EQ(producer.in_flight(), 0);

  Received received;
  Consumer consumer(executor(), consumer_options(group("order"), topic), record_into(received));
  ASSERT_TRUE(received.wait_for(users.size() * per_user, 30s)) << received.messages().size() << " received";
  consumer.stop();

  std::map<std::string, std::vector<int>> by_user;
  std::map<std::string, std::set<int>> partitions_of;
  for (const Message& m : received.messages()) {
    const Event event = dt::events::parse_event(m.payload);
    EXPECT_EQ(event.subject, m.key);
    EXPECT_EQ(m.topic, topic);
    by_user[m.key].push_back(seq_of(m));
    partitions_of[m.key].insert(m.partition);
  }
  ASSERT_EQ(by_user.size(), users.size());
  for (const auto& [user, seqs] : by_user) {
    std::vector<int> expected(per_user);
    for (int i = 0; i < per_user; ++i) expected[static_cast<std::size_t>(i)] = i;
    EXPECT_EQ(seqs, expected) << user;
    EXPECT_EQ(partitions_of[user].size(), 1u) << user << " spread over several partitions";
  }
}

TEST_F(ProducerConsumer, PublishReportsWhereTheBrokerStoredTheMessage) {
  const std::string topic = make_topic(1);
  Producer producer(producer_options());
  const Delivery first = run(producer.publish(topic, "k", "one"));
  const Delivery second = run(producer.publish(topic, "k", "two"));
  EXPECT_EQ(first.partition, 0);
  EXPECT_EQ(first.offset, 0);
  EXPECT_EQ(second.offset, 1);
}

TEST_F(ProducerConsumer, PublishingToAMissingTopicFailsAfterTheMessageTimeout) {
  auto options = producer_options();
  options.message_timeout = 1500ms;
  Producer producer(options);
  const auto start = std::chrono::steady_clock::now();
  EXPECT_THROW(run(producer.publish(prefix_ + "-missing", "k", "lost")), PublishError);
  EXPECT_LT(std::chrono::steady_clock::now() - start, 10s);
  EXPECT_EQ(producer.in_flight(), 0);
}

TEST_F(ProducerConsumer, FlushWaitsForEveryMessageInFlight) {
  const std::string topic = make_topic(1);
  Producer producer(producer_options());
  std::vector<std::future<Delivery>> pending;
  for (int i = 0; i < 50; ++i) {
    pending.push_back(asio::co_spawn(executor(), producer.publish(topic, "k", std::to_string(i)), asio::use_future));
  }
  EXPECT_TRUE(producer.flush(10s));
  EXPECT_EQ(producer.in_flight(), 0);
  for (auto& p : pending) EXPECT_NO_THROW(p.get());
}

TEST_F(ProducerConsumer, MembersOfAGroupShareThePartitionsAndTakeOverWhenOneStops) {
  const std::string topic = make_topic(3);
  Producer producer(producer_options());
  const std::vector<std::string> users = {"u1", "u2", "u3", "u4", "u5", "u6", "u7", "u8"};

  Received first;
  Received second;
  Received all;
  auto a = std::make_unique<Consumer>(executor(), consumer_options(group("shared"), topic), record_into(first, all));
  Consumer b(executor(), consumer_options(group("shared"), topic), record_into(second, all));
  publish_numbered(executor(), producer, topic, users, 5);
  // Messages handled before a rebalance may come twice: at least every one arrives.
  ASSERT_TRUE(all.wait_for(users.size() * 5, 30s)) << all.messages().size() << " received";

  a->stop();
  a.reset();
  publish_numbered(executor(), producer, topic, users, 5, 5);
  const auto second_batch = [](const std::vector<Message>& messages) {
    std::set<std::pair<std::string, int>> seen;
    for (const Message& m : messages) {
      if (seq_of(m) >= 5) seen.insert({m.key, seq_of(m)});
    }
    return seen.size();
  };
  ASSERT_TRUE(second.wait_until([&](const auto& messages) { return second_batch(messages) == users.size() * 5; }, 30s))
      << "b did not take over a's partitions: " << second_batch(second.messages()) << " of the second batch";
  b.stop();

  std::set<std::pair<std::string, int>> seen;
  for (const Message& m : all.messages()) seen.insert({m.key, seq_of(m)});
  EXPECT_EQ(seen.size(), users.size() * 10) << "every (user, seq) handled at least once";
}

}  // namespace
