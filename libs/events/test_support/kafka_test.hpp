#pragma once
// Test support for the tests against the real Kafka of infra/kafka.sh (DT_KAFKA_BROKERS, infra/env.sh).
// KafkaTest gives each test its own topics (created with librdkafka's admin API, deleted afterwards) and
// consumer group names, and runs an io_context on a thread for handlers and publishing coroutines.
#include <gtest/gtest.h>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/use_future.hpp>

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "events/consumer.hpp"
#include "events/producer.hpp"

// GCC 12 false positive (GCC PR 109224) on Asio's coroutine frames once a test's lambda is inlined.
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"

namespace dt::events::testing {

using namespace std::chrono_literals;

// Creates a topic with replication factor 1; throws std::runtime_error with librdkafka's reason.
void create_topic(const std::string& brokers, const std::string& topic, int partitions);
// Deletes a topic; failures are reported as test failures, not thrown.
void delete_topic(const std::string& brokers, const std::string& topic);

// Messages a consumer's handler received, in order, safe to add to from the handler's thread.
class Received {
 public:
  void add(const Message& message);
  // Waits until at least `count` messages arrived; false after `timeout`.
  bool wait_for(std::size_t count, std::chrono::milliseconds timeout);
  // Waits until `done` holds for the messages so far; false after `timeout`.
  bool wait_until(const std::function<bool(const std::vector<Message>&)>& done, std::chrono::milliseconds timeout);
  std::vector<Message> messages() const;

 private:
  mutable std::mutex mutex_;
  std::condition_variable changed_;
  std::vector<Message> messages_;
};

class KafkaTest : public ::testing::Test {
 protected:
  KafkaTest();
  ~KafkaTest() override;
  void SetUp() override;
  void TearDown() override;

  // A topic of this test: unique per test and run, deleted at the end.
  std::string make_topic(int partitions);
  // A consumer group name of this test, unique per test and run.
  std::string group(const std::string& name) const { return prefix_ + "-" + name; }

  ProducerOptions producer_options() const;
  ConsumerOptions consumer_options(const std::string& group_id, const std::string& topic) const;

  // Runs `task` on the io thread and waits for it; rethrows what escaped it.
  template <class T>
  T run(Awaitable<T> task) {
    return boost::asio::co_spawn(io_, std::move(task), boost::asio::use_future).get();
  }
  Executor executor() { return io_.get_executor(); }

  std::string brokers_;
  std::string prefix_;

 private:
  boost::asio::io_context io_;
  boost::asio::executor_work_guard<boost::asio::io_context::executor_type> work_;
  std::thread io_thread_;
  std::vector<std::string> topics_;
};

}  // namespace dt::events::testing
