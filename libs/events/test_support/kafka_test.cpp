// Test support for dt_events: topics through librdkafka's C admin API (the C++ API has none), collectors.
#include "events/test_support/kafka_test.hpp"

#include <librdkafka/rdkafka.h>
#include <unistd.h>

#include <cstdlib>
#include <memory>
#include <random>
#include <stdexcept>

namespace dt::events::testing {

namespace {

constexpr int admin_timeout_ms = 30'000;

struct AdminClient {
  explicit AdminClient(const std::string& brokers) {
    char error[512];
    rd_kafka_conf_t* conf = rd_kafka_conf_new();
    if (rd_kafka_conf_set(conf, "bootstrap.servers", brokers.c_str(), error, sizeof error) != RD_KAFKA_CONF_OK) {
      rd_kafka_conf_destroy(conf);
      throw std::runtime_error(error);
    }
    handle = rd_kafka_new(RD_KAFKA_PRODUCER, conf, error, sizeof error);  // takes conf on success
    if (handle == nullptr) {
      rd_kafka_conf_destroy(conf);
      throw std::runtime_error(error);
    }
    queue = rd_kafka_queue_new(handle);
  }
  ~AdminClient() {
    rd_kafka_queue_destroy(queue);
    rd_kafka_destroy(handle);
  }
  AdminClient(const AdminClient&) = delete;
  AdminClient& operator=(const AdminClient&) = delete;

  // Waits for the admin result on the queue; returns the topic's error text, empty on success.
  template <class Result, class GetResult, class GetTopics>
  std::string wait_for_result(GetResult get_result, GetTopics get_topics) {
    std::unique_ptr<rd_kafka_event_t, decltype(&rd_kafka_event_destroy)> event(
        rd_kafka_queue_poll(queue, admin_timeout_ms + 5000), &rd_kafka_event_destroy);
    if (!event) return "no answer from the broker";
    if (rd_kafka_event_error(event.get()) != RD_KAFKA_RESP_ERR_NO_ERROR) {
      return rd_kafka_event_error_string(event.get());
    }
    const Result* result = get_result(event.get());
    std::size_t count = 0;
    const rd_kafka_topic_result_t** topics = get_topics(result, &count);
    if (count != 1) return "unexpected admin result";
    if (rd_kafka_topic_result_error(topics[0]) == RD_KAFKA_RESP_ERR_NO_ERROR) return "";
    const char* text = rd_kafka_topic_result_error_string(topics[0]);
    return text != nullptr ? text : rd_kafka_err2str(rd_kafka_topic_result_error(topics[0]));
  }

  rd_kafka_t* handle = nullptr;
  rd_kafka_queue_t* queue = nullptr;
};

std::unique_ptr<rd_kafka_AdminOptions_t, decltype(&rd_kafka_AdminOptions_destroy)> admin_options(
    rd_kafka_t* handle, rd_kafka_admin_op_t op) {
  std::unique_ptr<rd_kafka_AdminOptions_t, decltype(&rd_kafka_AdminOptions_destroy)> options(
      rd_kafka_AdminOptions_new(handle, op), &rd_kafka_AdminOptions_destroy);
  char error[512];
  rd_kafka_AdminOptions_set_operation_timeout(options.get(), admin_timeout_ms, error, sizeof error);
  rd_kafka_AdminOptions_set_request_timeout(options.get(), admin_timeout_ms, error, sizeof error);
  return options;
}

}  // namespace

void create_topic(const std::string& brokers, const std::string& topic, int partitions) {
  AdminClient admin(brokers);
  char error[512];
  rd_kafka_NewTopic_t* new_topic = rd_kafka_NewTopic_new(topic.c_str(), partitions, 1, error, sizeof error);
  if (new_topic == nullptr) throw std::runtime_error("creating topic " + topic + ": " + error);
  auto options = admin_options(admin.handle, RD_KAFKA_ADMIN_OP_CREATETOPICS);
  rd_kafka_CreateTopics(admin.handle, &new_topic, 1, options.get(), admin.queue);
  rd_kafka_NewTopic_destroy(new_topic);
  const std::string failure = admin.wait_for_result<rd_kafka_CreateTopics_result_t>(
      rd_kafka_event_CreateTopics_result, rd_kafka_CreateTopics_result_topics);
  if (!failure.empty()) throw std::runtime_error("creating topic " + topic + ": " + failure);
}

void delete_topic(const std::string& brokers, const std::string& topic) {
  AdminClient admin(brokers);
  rd_kafka_DeleteTopic_t* doomed = rd_kafka_DeleteTopic_new(topic.c_str());
  auto options = admin_options(admin.handle, RD_KAFKA_ADMIN_OP_DELETETOPICS);
  rd_kafka_DeleteTopics(admin.handle, &doomed, 1, options.get(), admin.queue);
  rd_kafka_DeleteTopic_destroy(doomed);
  const std::string failure = admin.wait_for_result<rd_kafka_DeleteTopics_result_t>(
      rd_kafka_event_DeleteTopics_result, rd_kafka_DeleteTopics_result_topics);
  if (!failure.empty()) ADD_FAILURE() << "deleting topic " << topic << ": " << failure;
}

void Received::add(const Message& message) {
  {
    std::lock_guard lock(mutex_);
    messages_.push_back(message);
  }
  changed_.notify_all();
}

bool Received::wait_for(std::size_t count, std::chrono::milliseconds timeout) {
  return wait_until([count](const std::vector<Message>& all) { return all.size() >= count; }, timeout);
}

bool Received::wait_until(const std::function<bool(const std::vector<Message>&)>& done,
                          std::chrono::milliseconds timeout) {
  std::unique_lock lock(mutex_);
  return changed_.wait_for(lock, timeout, [&] { return done(messages_); });
}

std::vector<Message> Received::messages() const {
  std::lock_guard lock(mutex_);
  return messages_;
}

KafkaTest::KafkaTest() : work_(io_.get_executor()), io_thread_([this] { io_.run(); }) {}

KafkaTest::~KafkaTest() {
  work_.reset();
  io_.stop();
  io_thread_.join();
}

void KafkaTest::SetUp() {
  const char* brokers = std::getenv("DT_KAFKA_BROKERS");
  ASSERT_TRUE(brokers != nullptr && *brokers != '\0')
      << "DT_KAFKA_BROKERS is not set: these tests need the project's Kafka. Run `bash infra/kafka.sh start` and "
         "`. infra/env.sh` first (or run them through the project's test script).";
  brokers_ = brokers;
  const auto* test = ::testing::UnitTest::GetInstance()->current_test_info();
  prefix_ = std::string("dt-test-") + test->test_suite_name() + "-" + test->name() + "-" + std::to_string(::getpid()) +
            "-" + std::to_string(std::random_device{}() % 1'000'000);
}

void KafkaTest::TearDown() {
  for (const auto& topic : topics_) delete_topic(brokers_, topic);
}

std::string KafkaTest::make_topic(int partitions) {
  std::string topic = prefix_ + "-" + std::to_string(topics_.size());
  create_topic(brokers_, topic, partitions);
  topics_.push_back(topic);
  return topic;
}

ProducerOptions KafkaTest::producer_options() const {
  ProducerOptions options;
  options.brokers = brokers_;
  options.client_id = "dt-events-test";
  return options;
}

ConsumerOptions KafkaTest::consumer_options(const std::string& group_id, const std::string& topic) const {
  ConsumerOptions options;
  options.brokers = brokers_;
  options.group_id = group_id;
  options.topics = {topic};
  options.client_id = "dt-events-test";
  options.retry_backoff = 100ms;
  options.max_retry_backoff = 400ms;
  return options;
}

}  // namespace dt::events::testing
