#pragma once
// DeadLetters: what the Notification service gave up on goes to its dead-letter topic (notification.dead-letter,
// docs/events.md), keyed like the original message, as a JSON document that keeps the original message whole:
//
//   {"reason":"malformed","error":"time: not RFC 3339 ...","event_id":"","attempts":0,
//    "topic":"account.events","partition":1,"offset":42,"failed_at":"2026-11-25T10:25:50.123Z",
//    "payload":"<the message value exactly as received>"}
//
// Reasons: "malformed" (not a valid envelope: never recorded), "invalid_data" (a valid envelope whose data
// cannot make a mail: recorded as dead), "undeliverable" (the SMTP server refused it for good, or every attempt
// failed: recorded as dead; an admin can re-drive it).
#include <cstdint>
#include <string>

#include "async/awaitable.hpp"
#include "events/producer.hpp"
#include "metrics/registry.hpp"

namespace dt::notification::delivery {

struct DeadLetter {
  std::string reason;
  std::string error;
  std::string event_id;  // empty when the envelope could not be read
  int attempts = 0;
  std::string topic;
  std::int32_t partition = -1;
  std::int64_t offset = -1;
  std::string key;
  std::string payload;
};

std::string dead_letter_json(const DeadLetter& letter);

class DeadLetters {
 public:
  // `metrics` (optional) gets dt_notification_dead_letters_total{reason}.
  DeadLetters(events::Producer& producer, std::string topic, metrics::Registry* metrics = nullptr);

  // Completes once the broker has it; throws events::PublishError otherwise.
  Awaitable<void> publish(DeadLetter letter);

  const std::string& topic() const { return topic_; }

 private:
  events::Producer& producer_;
  std::string topic_;
  metrics::Registry* metrics_;
};

}  // namespace dt::notification::delivery
