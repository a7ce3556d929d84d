#pragma once
// Producer: publishes messages to Kafka and lets a coroutine await the broker's acknowledgement.
//
//   Producer producer(ProducerOptions{.brokers = settings.brokers, .client_id = "account"});
//   co_await producer.publish("account.events", event);   // key = event.subject, value = to_json(event)
//
// Idempotent (enable.idempotence: acks=all, retries without duplicates or reordering), so messages with the
// same key reach their partition once and in publish order. While the broker is unreachable librdkafka keeps
// the message and retries; publish() completes when the broker has it, or throws PublishError once
// message_timeout has passed. A thread owned by the Producer serves librdkafka's delivery reports and resumes
// each waiting coroutine on its own executor. Thread-safe: any number of coroutines on any threads may publish.
// Before destroying it, call flush() to wait for what is still in flight; destruction fails what is left.
#include <chrono>
#include <cstdint>
#include <memory>
#include <string>

#include "async/awaitable.hpp"
#include "events/envelope.hpp"
#include "events/errors.hpp"

namespace dt::events {

struct ProducerOptions {
  std::string brokers = "127.0.0.1:29092";
  std::string client_id = "drivetest";
  // How long a message may wait for the broker (queued, retried, in flight) before publish() fails.
  std::chrono::milliseconds message_timeout{30'000};
  // How long messages gather into a batch before being sent.
  std::chrono::milliseconds linger{5};
  std::string compression = "lz4";  // none, gzip, snappy, lz4, zstd
};

// Where the broker stored a message.
struct Delivery {
  std::int32_t partition = -1;
  std::int64_t offset = -1;
};

class Producer {
 public:
  // Throws KafkaError when librdkafka rejects the options. Connecting happens in the background.
  explicit Producer(ProducerOptions options);
  ~Producer();
  Producer(const Producer&) = delete;
  Producer& operator=(const Producer&) = delete;

  // Completes once the broker acknowledged the message (all in-sync replicas); throws PublishError otherwise.
  // An empty key spreads messages over the partitions.
  Awaitable<Delivery> publish(std::string topic, std::string key, std::string payload);
  // The event as JSON, keyed by its subject.
  Awaitable<Delivery> publish(std::string topic, const Event& event);

  // Blocks until every message in flight was acknowledged or failed, at most `timeout`; returns whether all
  // were. For shutdown: not from a coroutine.
  bool flush(std::chrono::milliseconds timeout);
  // Messages not yet acknowledged or failed.
  int in_flight() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace dt::events
