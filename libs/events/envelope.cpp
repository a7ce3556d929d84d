// The CloudEvents envelope: building, serialising and strictly parsing an Event.
#include "events/envelope.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>
#include <boost/uuid/random_generator.hpp>
#include <boost/uuid/uuid_io.hpp>

#include <climits>
#include <cstdio>
#include <ctime>

namespace dt::events {

namespace json = boost::json;

namespace {

constexpr std::string_view spec_version = "1.0";
constexpr std::string_view json_content_type = "application/json";

std::string_view kind_of(const json::value& value) {
  switch (value.kind()) {
    case json::kind::null:
      return "null";
    case json::kind::bool_:
      return "a boolean";
    case json::kind::int64:
    case json::kind::uint64:
      return "an integer";
    case json::kind::double_:
      return "a number";
    case json::kind::string:
      return "a string";
    case json::kind::array:
      return "an array";
    case json::kind::object:
      return "an object";
  }
  return "a value";
}

[[noreturn]] void malformed(std::string_view field, const std::string& problem) {
  throw MalformedEvent(std::string(field), "malformed event: '" + std::string(field) + "' " + problem);
}

const json::value& require(const json::object& event, std::string_view field) {
  const json::value* value = event.if_contains(field);
  if (value == nullptr) malformed(field, "is missing");
  return *value;
}

std::string required_string(const json::object& event, std::string_view field) {
  const json::value& value = require(event, field);
  if (!value.is_string()) malformed(field, "must be a string, not " + std::string(kind_of(value)));
  if (value.get_string().empty()) malformed(field, "must not be empty");
  return std::string(value.get_string());
}

std::string optional_string(const json::object& event, std::string_view field) {
  const json::value* value = event.if_contains(field);
  if (value == nullptr) return "";
  if (!value->is_string()) malformed(field, "must be a string, not " + std::string(kind_of(*value)));
  return std::string(value->get_string());
}

bool digits(std::string_view text, std::size_t from, std::size_t count) {
  if (from + count > text.size()) return false;
  for (std::size_t i = from; i < from + count; ++i) {
    if (text[i] < '0' || text[i] > '9') return false;
  }
  return true;
}

int number_at(std::string_view text, std::size_t from, std::size_t count) {
  int n = 0;
  for (std::size_t i = from; i < from + count; ++i) n = n * 10 + (text[i] - '0');
  return n;
}

// RFC 3339 date-time: 2026-11-25T10:25:50[.123](Z|+01:00). Field ranges are checked, calendar days are not.
bool is_rfc3339(std::string_view t) {
  if (!digits(t, 0, 4) || t.size() < 20 || t[4] != '-' || !digits(t, 5, 2) || t[7] != '-' || !digits(t, 8, 2) ||
      (t[10] != 'T' && t[10] != 't') || !digits(t, 11, 2) || t[13] != ':' || !digits(t, 14, 2) || t[16] != ':' ||
      !digits(t, 17, 2)) {
    return false;
  }
  const int month = number_at(t, 5, 2), day = number_at(t, 8, 2), hour = number_at(t, 11, 2),
            minute = number_at(t, 14, 2), second = number_at(t, 17, 2);
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) return false;
  std::size_t i = 19;
  if (t[i] == '.') {
    const std::size_t start = ++i;
    while (i < t.size() && t[i] >= '0' && t[i] <= '9') ++i;
    if (i == start) return false;
  }
  const std::string_view zone = t.substr(i);
  if (zone == "Z" || zone == "z") return true;
  return zone.size() == 6 && (zone[0] == '+' || zone[0] == '-') && digits(zone, 1, 2) && zone[3] == ':' &&
         digits(zone, 4, 2) && number_at(zone, 1, 2) <= 23 && number_at(zone, 4, 2) <= 59;
}

}  // namespace

MalformedEvent::MalformedEvent(std::string field, const std::string& message)
    : std::runtime_error(message), field_(std::move(field)) {}

std::string format_time(std::chrono::system_clock::time_point time) {
  using namespace std::chrono;
  const auto millis = duration_cast<milliseconds>(time.time_since_epoch()).count();
  const std::time_t seconds = static_cast<std::time_t>(millis / 1000 - (millis % 1000 < 0 ? 1 : 0));
  const int fraction = static_cast<int>((millis % 1000 + 1000) % 1000);
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char text[64];  // room for any int the compiler imagines in each field
  std::snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", utc.tm_year + 1900, utc.tm_mon + 1,
                utc.tm_mday, utc.tm_hour, utc.tm_min, utc.tm_sec, fraction);
  return text;
}

std::string random_uuid() {
  boost::uuids::random_generator generate;
  return boost::uuids::to_string(generate());
}

Event make_event(std::string type, int version, std::string source, std::string subject, json::object data,
                 std::string trace_id) {
  Event event;
  event.id = random_uuid();
  event.type = std::move(type);
  event.version = version;
  event.time = format_time(std::chrono::system_clock::now());
  event.source = std::move(source);
  event.subject = std::move(subject);
  event.trace_id = std::move(trace_id);
  event.data = std::move(data);
  return event;
}

std::string to_json(const Event& event) {
  json::object out;
  out.reserve(10);
  out["specversion"] = spec_version;
  out["id"] = event.id;
  out["type"] = event.type;
  out["source"] = event.source;
  out["subject"] = event.subject;
  out["time"] = event.time;
  out["datacontenttype"] = json_content_type;
  out["dataversion"] = event.version;
  if (!event.trace_id.empty()) out["traceparent"] = event.trace_id;
  out["data"] = event.data;
  return json::serialize(out);
}

Event parse_event(std::string_view text) {
  boost::system::error_code ec;
  json::value parsed = json::parse(text, ec);
  if (ec) throw MalformedEvent("", "malformed event: not JSON (" + ec.message() + ")");
  if (!parsed.is_object()) {
    throw MalformedEvent("", "malformed event: must be a JSON object, not " + std::string(kind_of(parsed)));
  }
  const json::object& in = parsed.get_object();

  if (required_string(in, "specversion") != spec_version) malformed("specversion", "must be \"1.0\"");
  Event event;
  event.id = required_string(in, "id");
  event.type = required_string(in, "type");
  event.source = required_string(in, "source");
  event.subject = required_string(in, "subject");
  event.time = required_string(in, "time");
  if (!is_rfc3339(event.time)) malformed("time", "must be an RFC 3339 date-time, not \"" + event.time + "\"");
  if (in.contains("datacontenttype") && optional_string(in, "datacontenttype") != json_content_type) {
    malformed("datacontenttype", "must be \"application/json\"");
  }
  const json::value& version = require(in, "dataversion");
  if (!version.is_int64() || version.get_int64() < 1 || version.get_int64() > INT_MAX) {
    malformed("dataversion", "must be a positive integer, not " +
                                 (version.is_number() ? json::serialize(version) : std::string(kind_of(version))));
  }
  event.version = static_cast<int>(version.get_int64());
  event.trace_id = optional_string(in, "traceparent");
  const json::value& data = require(in, "data");
  if (!data.is_object()) malformed("data", "must be an object, not " + std::string(kind_of(data)));
  event.data = data.get_object();
  return event;
}

}  // namespace dt::events
