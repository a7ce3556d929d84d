#pragma once
// Consumer: reads topics as a member of a consumer group and hands each message to a coroutine, at least once.
//
//   Consumer consumer(service.executor(), {.brokers = settings.brokers, .group_id = "notification",
//                                          .topics = {"account.events"}}, handle);
//   service.on_shutdown([&] { consumer.request_stop(); });
//
// A thread owned by the Consumer polls Kafka. Each message is handed to `handler`, run on `executor`, and the
// next one waits until it finished: messages of a partition are handled one at a time, in order.
// Delivery is at least once:
//  - a message's offset is committed only after its handler returned (enable.auto.commit is off);
//  - when the handler throws, nothing is committed: the consumer logs the error, waits (retry_backoff, doubling
//    up to max_retry_backoff) and hands the same message again, until it succeeds or the consumer stops. A
//    consumer that stops meanwhile leaves it uncommitted, so the group's next member receives it again.
//    Handlers decide what is worth retrying: a message that can never succeed (a malformed event) should be
//    dead-lettered or dropped by the handler itself, not thrown, or it blocks its partition.
//  - after a crash or a rebalance, messages handled since the last commit may come again: handlers must be
//    idempotent (de-duplicate on the event id, docs/events.md).
// Rebalances: partitions taken away are committed (what was handled) first; the group's new members go on from
// there. Stopping finishes the message in hand, commits, and leaves the group at once.
#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "async/awaitable.hpp"
#include "events/errors.hpp"
#include "events/message.hpp"

namespace dt::events {

struct ConsumerOptions {
  std::string brokers = "127.0.0.1:29092";
  std::string group_id;  // required: members of a group share the partitions and the committed offsets
  std::vector<std::string> topics;
  std::string client_id = "drivetest";
  // Where a group without a committed offset starts: "earliest" (everything retained) or "latest".
  std::string offset_reset = "earliest";
  std::chrono::milliseconds retry_backoff{1000};
  std::chrono::milliseconds max_retry_backoff{30'000};
  // A member silent for this long is dropped from the group and its partitions reassigned.
  std::chrono::milliseconds session_timeout{10'000};
};

class Consumer {
 public:
  using Handler = std::function<Awaitable<void>(const Message&)>;

  // Subscribes and starts the polling thread; throws KafkaError when librdkafka rejects the options.
  Consumer(Executor executor, ConsumerOptions options, Handler handler);
  // stop().
  ~Consumer();
  Consumer(const Consumer&) = delete;
  Consumer& operator=(const Consumer&) = delete;

  // Asks the polling thread to stop after the message in hand; returns at once. Callable from any thread,
  // handlers and shutdown hooks included.
  void request_stop();
  // request_stop(), then waits until the message in hand is handled, offsets committed and the group left.
  // The executor must still run the handler meanwhile: do not call it from the executor's only thread.
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace dt::events
