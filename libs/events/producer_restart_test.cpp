// Publishing while the real Kafka is down: the publish waits and completes once the broker is back. These tests
// stop and start the shared Kafka of infra/kafka.sh: nothing may run beside them (SERIAL).
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/use_future.hpp>

#include <cstdlib>
#include <string>

#include "events/test_support/kafka_test.hpp"

namespace {

namespace asio = boost::asio;
using dt::Awaitable;
using dt::events::Consumer;
using dt::events::Delivery;
using dt::events::Message;
using dt::events::Producer;
using dt::events::testing::KafkaTest;
using dt::events::testing::Received;
using namespace std::chrono_literals;

// bash <source dir>/infra/kafka.sh <action>; true when it succeeded.
bool kafka_sh(const std::string& action) {
  const char* dir = std::getenv("DT_SOURCE_DIR");
  const std::string source_dir = dir != nullptr && *dir != '\0' ? dir : DT_DEFAULT_SOURCE_DIR;
  const std::string command = "bash '" + source_dir + "/infra/kafka.sh' " + action + " >/dev/null";
  return std::system(command.c_str()) == 0;
}

// Starts Kafka again at the end of a test, whatever happened in it.
struct StartAgain {
  ~StartAgain() {
    if (!kafka_sh("start")) ADD_FAILURE() << "infra/kafka.sh start failed: later tests will fail too";
  }
};

using ProducerRestart = KafkaTest;

TEST_F(ProducerRestart, APublishWhileTheBrokerIsDownCompletesWhenItIsBack) {
  const std::string topic = make_topic(1);
  Producer producer(producer_options());  // message timeout 30 s
  const Delivery before = run(producer.publish(topic, "k", "before"));

  {
    StartAgain start_again;
    ASSERT_TRUE(kafka_sh("stop"));
    auto during = asio::co_spawn(executor(), producer.publish(topic, "k", "during"), asio::use_future);
    EXPECT_EQ(during.wait_for(1500ms), std::future_status::timeout) << "acknowledged by a stopped broker?";
    EXPECT_EQ(producer.in_flight(), 1);

    const auto restarted = std::chrono::steady_clock::now();
    ASSERT_TRUE(kafka_sh("start"));
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
