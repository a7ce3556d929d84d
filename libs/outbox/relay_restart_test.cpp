// A running relay while the real Kafka is stopped and started again: the rows appended meanwhile wait, then are
// published once each, in order. Stops and starts the shared Kafka of infra/kafka.sh: SERIAL.
#include <thread>

#include "outbox/test_support/relay_test_fixture.hpp"
#include "testing/infra_script.hpp"

namespace {

using dt::events::Producer;
using dt::outbox::OutboxRelay;
using dt::outbox::testing::id_counts;
using dt::outbox::testing::RelayTest;
using dt::outbox::testing::sequence_by_subject;
using dt::testing::infra_script;
using dt::testing::StartAgain;
using namespace std::chrono_literals;

using RelayRestart = RelayTest;

TEST_F(RelayRestart, RowsAppendedWhileKafkaIsDownArePublishedOnceItIsBack) {
  const std::string topic = make_topic(3);
  auto producer_settings = producer_options();
  producer_settings.message_timeout = 5s;  // passes fail while the broker is down, and later ones retry
  Producer producer(producer_settings);
  OutboxRelay relay(*db_, producer, relay_options(topic));
  relay.start(executor());
  const std::vector<std::string> users = {"user-a", "user-b"};
  auto ids = append(users, 1);
  ASSERT_EQ(read_topic(topic, 2).size(), 2u);

  {
    const StartAgain start_again("kafka");
    ASSERT_TRUE(infra_script("kafka", "stop"));
    const auto during = append(users, 10, 1);
    ids.insert(ids.end(), during.begin(), during.end());
    std::this_thread::sleep_for(3s);
    EXPECT_EQ(unpublished(), 20) << "marked published while the broker was down";
    ASSERT_TRUE(infra_script("kafka", "start"));
  }

  for (int i = 0; i < 600 && unpublished() > 0; ++i) std::this_thread::sleep_for(100ms);
  EXPECT_EQ(unpublished(), 0) << "still waiting a minute after the broker came back";
  relay.stop();

  const auto events = read_topic(topic, 22);
  EXPECT_EQ(events.size(), 22u);
  const auto counts = id_counts(events);
  for (const auto& id : ids) EXPECT_EQ(counts.count(id) ? counts.at(id) : 0, 1) << id;
  std::vector<int> expected;
  for (int n = 0; n < 11; ++n) expected.push_back(n);
  for (const auto& [user, sequence] : sequence_by_subject(events)) EXPECT_EQ(sequence, expected) << user;
}

}  // namespace
