// Publishing while the real Kafka is down: the publish waits and completes once the broker is back. These tests
// stop and start the shared Kafka of infra/kafka.sh: nothing may run beside them (SERIAL).
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/use_future.hpp>

#include <string>

#include "events/test_support/kafka_test.hpp"
#include "testing/infra_script.hpp"

namespace {

using dt::testing::infra_script;
using dt::testing::StartAgain;
namespace asio = boost::asio;
using dt::Awaitable;
using dt::events::Consumer;
using dt::events::Delivery;
using dt::events::Message;
using dt::events::Producer;
using dt::events::testing::KafkaTest;
using dt::events::testing::Received;
using namespace std::chrono_literals;

using ProducerRestart = KafkaTest;

TEST_F(ProducerRestart, APublishWhileTheBrokerIsDownCompletesWhenItIsBack) {
  const std::string topic = make_topic(1);
  Producer producer(producer_options());  // message timeout 30 s
  const Delivery before = run(producer.publish(topic, "k", "before"));

  {
    const StartAgain start_again("kafka");
    ASSERT_TRUE(infra_script("kafka", "stop"));
    auto during = asio::co_spawn(executor(), producer.publish(topic, "k", "during"), asio::use_future);
    EXPECT_EQ(during.wait_for(1500ms), std::future_status::timeout) << "acknowledged by a stopped broker?";
    EXPECT_EQ(producer.in_flight(), 1);

    const auto restarted = std::chrono::steady_clock::now();
    ASSERT_TRUE(infra_script("kafka", "start"));
    ASSERT_EQ(during.wait_for(25s), std::future_status::ready) << "still waiting after the broker came back";
    const Delivery after = during.get();
    EXPECT_EQ(after.offset, before.offset + 1) << "written once, right after the first";
    const auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - restarted).count();
    RecordProperty("seconds_from_start_to_acknowledgement", std::to_string(seconds));
  }

  // Both are there, once each.
  Received received;
  Consumer consumer(executor(), consumer_options(group("check"), topic), [&](const Message& m) -> Awaitable<void> {
    received.add(m);
    co_return;
  });
  ASSERT_TRUE(received.wait_for(2, 30s));
  consumer.stop();
  ASSERT_EQ(received.messages().size(), 2u);
  EXPECT_EQ(received.messages()[0].payload, "before");
  EXPECT_EQ(received.messages()[1].payload, "during");
}

}  // namespace
