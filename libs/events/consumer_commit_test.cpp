// At-least-once against the real Kafka (DT_KAFKA_BROKERS): offsets are committed only after the handler
// succeeded; a failing message is retried in place, and a member that stops leaves it to the next one.
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/use_future.hpp>

#include <atomic>
#include <stdexcept>
#include <string>
#include <vector>

#include "events/test_support/kafka_test.hpp"

namespace {

namespace asio = boost::asio;
using dt::Awaitable;
using dt::events::Consumer;
using dt::events::Message;
using dt::events::Producer;
using dt::events::testing::KafkaTest;
using dt::events::testing::Received;
using namespace std::chrono_literals;

using ConsumerCommit = KafkaTest;

std::vector<std::string> payloads(const std::vector<Message>& messages) {
  std::vector<std::string> out;
  for (const Message& m : messages) out.push_back(m.payload);
  return out;
}

// Publishes "0", "1", ... one by one under one key.
void publish_numbers(Producer& producer, const std::string& topic, int count, dt::Executor ex) {
  for (int i = 0; i < count; ++i) {
    asio::co_spawn(ex, producer.publish(topic, "one-key", std::to_string(i)), asio::use_future).get();
  }
}

TEST_F(ConsumerCommit, AFailedMessageIsNotCommittedAndTheNextMemberReceivesItAgain) {
  const std::string topic = make_topic(1);
  Producer producer(producer_options());
  publish_numbers(producer, topic, 10, executor());

  // The first member fails on "5", every time.
  Received attempts;
  auto failing = std::make_unique<Consumer>(executor(), consumer_options(group("g"), topic),
                                            [&](const Message& message) -> Awaitable<void> {
                                              attempts.add(message);
                                              if (message.payload == "5") throw std::runtime_error("cannot handle 5");
                                              co_return;
                                            });
  // Retried in place: "5" comes again (after the backoff) and nothing after it is handled meanwhile.
  const auto tried_five = [](int times) {
    return [times](const std::vector<Message>& messages) {
      int count = 0;
      for (const Message& m : messages) count += m.payload == "5" ? 1 : 0;
      return count >= times;
    };
  };
  ASSERT_TRUE(attempts.wait_until(tried_five(3), 30s)) << attempts.messages().size() << " attempts";
  failing->stop();
  failing.reset();
  const auto tried = payloads(attempts.messages());
  ASSERT_GE(tried.size(), 8u);
  EXPECT_EQ(std::vector<std::string>(tried.begin(), tried.begin() + 6),
            (std::vector<std::string>{"0", "1", "2", "3", "4", "5"}));
  for (std::size_t i = 5; i < tried.size(); ++i) EXPECT_EQ(tried[i], "5") << "attempt " << i;

  // The next member of the group starts at "5": 0..4 were committed, 5 was not.
  Received received;
  Consumer next(executor(), consumer_options(group("g"), topic), [&](const Message& message) -> Awaitable<void> {
    received.add(message);
    co_return;
  });
  ASSERT_TRUE(received.wait_for(5, 30s)) << received.messages().size() << " received";
  next.stop();
  EXPECT_EQ(payloads(received.messages()), (std::vector<std::string>{"5", "6", "7", "8", "9"}));
}

TEST_F(ConsumerCommit, AMessageThatFailsASecondTimeSucceedsOnTheThirdAndTheRestFollowInOrder) {
  const std::string topic = make_topic(1);
  Producer producer(producer_options());
  publish_numbers(producer, topic, 6, executor());

  Received attempts;
  std::atomic<int> failures_left{2};
  Consumer consumer(executor(), consumer_options(group("g"), topic), [&](const Message& message) -> Awaitable<void> {
    attempts.add(message);
    if (message.payload == "2" && failures_left.fetch_sub(1) > 0) throw std::runtime_error("not yet");
    co_return;
  });
  ASSERT_TRUE(attempts.wait_for(8, 30s)) << attempts.messages().size() << " attempts";
  consumer.stop();
  EXPECT_EQ(payloads(attempts.messages()), (std::vector<std::string>{"0", "1", "2", "2", "2", "3", "4", "5"}));

  // Everything was committed: a new member of the group has nothing to do.
  Received again;
  publish_numbers(producer, topic, 1, executor());  // "0" again, as the 7th message
  Consumer next(executor(), consumer_options(group("g"), topic), [&](const Message& message) -> Awaitable<void> {
    again.add(message);
    co_return;
  });
  ASSERT_TRUE(again.wait_for(1, 30s));
  next.stop();
  EXPECT_EQ(again.messages().front().offset, 6);
}

TEST_F(ConsumerCommit, StoppingFinishesTheMessageInHand) {
  const std::string topic = make_topic(1);
  Producer producer(producer_options());
  publish_numbers(producer, topic, 3, executor());

  Received started;
  Received finished;
  auto consumer = std::make_unique<Consumer>(executor(), consumer_options(group("g"), topic),
                                             [&](const Message& message) -> Awaitable<void> {
                                               started.add(message);
                                               asio::steady_timer slow(co_await asio::this_coro::executor, 500ms);
                                               co_await slow.async_wait(asio::use_awaitable);
                                               finished.add(message);
                                             });
  ASSERT_TRUE(started.wait_for(1, 30s));
  consumer->stop();  // while "0" is in hand
  consumer.reset();
  ASSERT_EQ(finished.messages().size(), started.messages().size());

  Received rest;
  Consumer next(executor(), consumer_options(group("g"), topic), [&](const Message& message) -> Awaitable<void> {
    rest.add(message);
    co_return;
  });
  ASSERT_TRUE(rest.wait_for(3 - finished.messages().size(), 30s));
  next.stop();
  EXPECT_EQ(rest.messages().front().offset, static_cast<std::int64_t>(finished.messages().size()));
}

}  // namespace
