#pragma once
// RelayTest: the tests of OutboxRelay against the real PostgreSQL (DT_PG_URL) and Kafka (DT_KAFKA_BROKERS).
// Each test gets KafkaTest's topics and io thread, plus a Database on that thread and an outbox table in a
// schema of its own (dropped afterwards).
#include <boost/json/object.hpp>

#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "db/database.hpp"
#include "events/envelope.hpp"
#include "events/test_support/kafka_test.hpp"
#include "outbox/relay.hpp"

namespace dt::outbox::testing {

class RelayTest : public events::testing::KafkaTest {
 protected:
  void SetUp() override;
  void TearDown() override;

  RelayOptions relay_options(const std::string& topic) const;
  // Appends one event per (user, n) for n in [first, first + count), users interleaved, one transaction each;
  // data is {"n": n}. Returns the outbox ids in the order appended.
  std::vector<std::string> append(const std::vector<std::string>& users, int count, int first = 0);
  std::int64_t unpublished();
  // Everything on `topic` (read by a fresh consumer group) once at least `count` messages arrived; fails the
  // test after `timeout`.
  std::vector<events::Event> read_topic(const std::string& topic, std::size_t count,
                                        std::chrono::milliseconds timeout = std::chrono::seconds(30));

  std::unique_ptr<db::Database> db_;
  std::string schema_;
  std::string table_;
};

// Per subject, the "n" of its events in the order they arrived.
std::map<std::string, std::vector<int>> sequence_by_subject(const std::vector<events::Event>& events);
// The ids, with how often each arrived.
std::map<std::string, int> id_counts(const std::vector<events::Event>& events);

}  // namespace dt::outbox::testing
