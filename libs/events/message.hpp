#pragma once
// Message: one Kafka record as a Consumer hands it to its handler (a copy: it owns its bytes).
#include <cstdint>
#include <string>

namespace dt::events {

struct Message {
  std::string topic;
  std::int32_t partition = 0;
  std::int64_t offset = 0;
  std::string key;                // the subject (user id) for DriveTest's events; empty when the record has none
  std::string payload;            // the value: an event's JSON (parse_event)
  std::int64_t timestamp_ms = 0;  // when the producer created it, milliseconds since the epoch; 0 if unknown
};

}  // namespace dt::events
