#pragma once
// Errors of dt_events. MalformedEvent (a message that is not a valid event) is in envelope.hpp.
#include <stdexcept>

namespace dt::events {

// A Producer or Consumer could not be set up (bad option, librdkafka refused the configuration).
class KafkaError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A publish failed: the broker did not acknowledge the message within the publish timeout, refused it (unknown
// topic, too large), or the producer was destroyed first. The message may or may not have been written.
class PublishError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace dt::events
