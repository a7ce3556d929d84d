// The event envelope: CloudEvents names, round trip, strict parsing. No server needed.
#include "events/envelope.hpp"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <string>

namespace {

using dt::events::Event;
using dt::events::MalformedEvent;
using dt::events::parse_event;
using dt::events::to_json;

Event sample() {
  boost::json::object data;
  data["user_id"] = "0b0d6c1e-6c7a-4d1c-9d7e-3f1f1f1f1f1f";
  data["username"] = "ada";
  data["language"] = "en";
  return dt::events::make_event("user.registered", 2, "account", "0b0d6c1e-6c7a-4d1c-9d7e-3f1f1f1f1f1f",
                                std::move(data), "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
}

// A valid envelope as text, with `replace` spliced over the member named `member` (or added at the end).
std::string envelope_with(const std::string& member, const std::string& replace) {
  boost::json::object in = boost::json::parse(to_json(sample())).as_object();
  in.erase(member);
  std::string text = boost::json::serialize(in);
  if (replace.empty()) return text;
  text.pop_back();
  return text + ",\"" + member + "\":" + replace + "}";
}

TEST(Envelope, RoundTripsEveryField) {
  const Event event = sample();
  const Event back = parse_event(to_json(event));
  EXPECT_EQ(back.id, event.id);
  EXPECT_EQ(back.type, "user.registered");
  EXPECT_EQ(back.version, 2);
  EXPECT_EQ(back.time, event.time);
  EXPECT_EQ(back.source, "account");
  EXPECT_EQ(back.subject, event.subject);
  EXPECT_EQ(back.trace_id, event.trace_id);
  EXPECT_EQ(back.data, event.data);
}

TEST(Envelope, UsesCloudEventsAttributeNames) {
  const auto json = boost::json::parse(to_json(sample())).as_object();
  EXPECT_EQ(json.at("specversion"), "1.0");
  EXPECT_EQ(json.at("type"), "user.registered");
  EXPECT_EQ(json.at("source"), "account");
  EXPECT_EQ(json.at("datacontenttype"), "application/json");
  EXPECT_EQ(json.at("dataversion"), 2);
  EXPECT_EQ(json.at("traceparent"), "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
  EXPECT_EQ(json.at("data").at("username"), "ada");
  for (const char* name : {"id", "subject", "time"}) EXPECT_TRUE(json.contains(name)) << name;
}

TEST(Envelope, LeavesOutAnEmptyTraceAndReadsItBackEmpty) {
  Event event = sample();
  event.trace_id.clear();
  const std::string text = to_json(event);
  EXPECT_FALSE(boost::json::parse(text).as_object().contains("traceparent"));
  EXPECT_EQ(parse_event(text).trace_id, "");
}

TEST(Envelope, MakeEventGivesAFreshUuidAndTheTimeInUtc) {
  const Event a = sample();
  const Event b = sample();
  EXPECT_NE(a.id, b.id);
  ASSERT_EQ(a.id.size(), 36u);
  EXPECT_EQ(a.id[14], '4');  // version 4
  EXPECT_EQ(a.id[8], '-');
  ASSERT_EQ(a.time.size(), 24u) << a.time;  // 2026-11-25T10:25:50.123Z
  EXPECT_EQ(a.time[10], 'T');
  EXPECT_EQ(a.time.back(), 'Z');
}

TEST(Envelope, FormatsTimesWithMilliseconds) {
  using namespace std::chrono;
  EXPECT_EQ(dt::events::format_time(system_clock::time_point{}), "1970-01-01T00:00:00.000Z");
  EXPECT_EQ(dt::events::format_time(system_clock::time_point{milliseconds(1'700'000'000'123)}),
            "2023-11-14T22:13:20.123Z");
}

TEST(Envelope, AcceptsOffsetsOptionalAttributesAndUnknownExtensions) {
  EXPECT_EQ(parse_event(envelope_with("time", "\"2026-11-25T11:25:50+01:00\"")).time, "2026-11-25T11:25:50+01:00");
  EXPECT_NO_THROW(parse_event(envelope_with("time", "\"2026-11-25T10:25:50.123456Z\"")));
  EXPECT_NO_THROW(parse_event(envelope_with("datacontenttype", "")));
  EXPECT_NO_THROW(parse_event(envelope_with("traceparent", "")));
  EXPECT_NO_THROW(parse_event(envelope_with("partitionkey", "\"x\"")));
}

struct MalformedCase {
  std::string name;
  std::string text;
  std::string field;
};

void PrintTo(const MalformedCase& c, std::ostream* out) { *out << c.text; }

class MalformedEnvelope : public ::testing::TestWithParam<MalformedCase> {};

TEST_P(MalformedEnvelope, IsRejectedNamingTheField) {
  const MalformedCase& c = GetParam();
  try {
    parse_event(c.text);
    FAIL() << "accepted: " << c.text;
  } catch (const MalformedEvent& e) {
    EXPECT_EQ(e.field(), c.field) << e.what();
    if (!c.field.empty()) {
      EXPECT_NE(std::string(e.what()).find("'" + c.field + "'"), std::string::npos) << e.what();
    }
  }
}

INSTANTIATE_TEST_SUITE_P(
    Cases, MalformedEnvelope,
    ::testing::Values(MalformedCase{"NotJson", "not json", ""}, MalformedCase{"AnArray", "[1, 2]", ""},
                      MalformedCase{"AString", "\"text\"", ""},
                      MalformedCase{"IdMissing", envelope_with("id", ""), "id"},
                      MalformedCase{"IdNotAString", envelope_with("id", "42"), "id"},
                      MalformedCase{"TypeEmpty", envelope_with("type", "\"\""), "type"},
                      MalformedCase{"SourceNull", envelope_with("source", "null"), "source"},
                      MalformedCase{"SubjectMissing", envelope_with("subject", ""), "subject"},
                      MalformedCase{"SpecVersionOld", envelope_with("specversion", "\"0.3\""), "specversion"},
                      MalformedCase{"SpecVersionMissing", envelope_with("specversion", ""), "specversion"},
                      MalformedCase{"TimeMissing", envelope_with("time", ""), "time"},
                      MalformedCase{"TimeInWords", envelope_with("time", "\"yesterday\""), "time"},
                      MalformedCase{"TimeMonth13", envelope_with("time", "\"2026-13-01T00:00:00Z\""), "time"},
                      MalformedCase{"TimeWithASpace", envelope_with("time", "\"2026-11-25 10:25:50Z\""), "time"},
                      MalformedCase{"TimeWithoutZone", envelope_with("time", "\"2026-11-25T10:25:50\""), "time"},
                      MalformedCase{"ContentTypeText", envelope_with("datacontenttype", "\"text/plain\""),
                                    "datacontenttype"},
                      MalformedCase{"DataVersionMissing", envelope_with("dataversion", ""), "dataversion"},
                      MalformedCase{"DataVersionAString", envelope_with("dataversion", "\"1\""), "dataversion"},
                      MalformedCase{"DataVersionZero", envelope_with("dataversion", "0"), "dataversion"},
                      MalformedCase{"DataVersionFraction", envelope_with("dataversion", "1.5"), "dataversion"},
                      MalformedCase{"TraceNotAString", envelope_with("traceparent", "7"), "traceparent"},
                      MalformedCase{"DataMissing", envelope_with("data", ""), "data"},
                      MalformedCase{"DataAnArray", envelope_with("data", "[]"), "data"},
                      MalformedCase{"DataAString", envelope_with("data", "\"{}\""), "data"}),
    [](const auto& test) { return test.param.name; });

}  // namespace
