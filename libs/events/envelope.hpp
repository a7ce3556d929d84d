#pragma once
// The envelope of every integration event (docs/events.md): a CloudEvents 1.0 JSON document whose `data` is the
// event's payload. Producers build an Event (make_event fills id and time), serialise it with to_json and
// publish it keyed by its subject; consumers parse the message value with parse_event, which is strict and
// throws MalformedEvent naming the offending attribute.
//
//   {"specversion":"1.0","id":"4f0c…","type":"user.registered","source":"account","subject":"<user id>",
//    "time":"2026-11-25T10:25:50.123Z","datacontenttype":"application/json","dataversion":1,
//    "traceparent":"<trace id>","data":{...}}
#include <boost/json/object.hpp>

#include <chrono>
#include <stdexcept>
#include <string>
#include <string_view>

namespace dt::events {

struct Event {
  std::string id;        // unique per event (a UUID): consumers de-duplicate on it
  std::string type;      // "user.registered"
  int version = 1;       // of data's shape for this type ("dataversion")
  std::string time;      // when it happened, RFC 3339 UTC ("2026-11-25T10:25:50.123Z")
  std::string source;    // the service that emitted it ("account")
  std::string subject;   // the partition key: the user id
  std::string trace_id;  // the originating request's trace or request id ("traceparent"); may be empty
  boost::json::object data;
};

// The value of a message is not a valid event. field() names the attribute ("time", "data", ...), or is empty
// when the value is not a JSON object at all.
class MalformedEvent : public std::runtime_error {
 public:
  MalformedEvent(std::string field, const std::string& message);
  const std::string& field() const { return field_; }

 private:
  std::string field_;
};

// An event of `type` with a fresh id (random UUID) and the current time.
Event make_event(std::string type, int version, std::string source, std::string subject, boost::json::object data,
                 std::string trace_id = "");

std::string to_json(const Event& event);
// Throws MalformedEvent: not JSON, not an object, specversion other than "1.0", a required attribute missing,
// empty or of the wrong type, a time that is not RFC 3339, a datacontenttype other than JSON. Unknown attributes
// (other CloudEvents extensions) are ignored.
Event parse_event(std::string_view json);

// RFC 3339 UTC with milliseconds: "2026-11-25T10:25:50.123Z".
std::string format_time(std::chrono::system_clock::time_point time);
// A random (version 4) UUID in its canonical lowercase form.
std::string random_uuid();

}  // namespace dt::events
