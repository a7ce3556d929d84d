#include "catalog/io/instant_json.hpp"

#include <gtest/gtest.h>

#include "catalog/io/io_test_support.hpp"

namespace {

using namespace dt::catalog;
using namespace dt::catalog::io;
using namespace std::chrono_literals;

const TimePoint kNoon = TimePoint{make_date(2025, 6, 1)} + 12h + 30min + 5s;

TEST(InstantJson, FormatsUtcWithAFractionOnlyWhenThereIsOne) {
  EXPECT_EQ(format_instant(kNoon), "2025-06-01T12:30:05Z");
  EXPECT_EQ(format_instant(kNoon + 250ms), "2025-06-01T12:30:05.250Z");
  EXPECT_EQ(format_instant(kNoon + 1us), "2025-06-01T12:30:05.000001Z");
  EXPECT_EQ(format_instant(kNoon + 123456789ns), "2025-06-01T12:30:05.123456789Z");
  EXPECT_EQ(format_instant(TimePoint{make_date(1969, 12, 31)} + 23h + 59min + 59s + 500ms), "1969-12-31T23:59:59.500Z");
}

TEST(InstantJson, RoundTripsToTheNanosecond) {
  for (auto offset : {0ns, 1ns, 999ns, 1000ns, 1ms + 1ns, 59s + 999999999ns, -1ns, -86400s - 1ns}) {
    const TimePoint t = kNoon + offset;
    ASSERT_EQ(parse_instant(format_instant(t)), t) << format_instant(t);
  }
}

TEST(InstantJson, ParsesShortFractionsAndRejectsEverythingElse) {
  EXPECT_EQ(parse_instant("2025-06-01T12:30:05.5Z"), kNoon + 500ms);
  for (const char* bad :
       {"2025-06-01T12:30:05", "2025-06-01 12:30:05Z", "2025-06-01T12:30:05+00:00", "2025-06-01T24:00:00Z",
        "2025-06-01T12:60:00Z", "2025-06-01T12:30:60Z", "2025-02-29T12:30:05Z", "2025-06-01T12:30:05.Z",
        "2025-06-01T12:30:05.1234567890Z", "2025-06-01t12:30:05z", "2025-06-01T1:30:05Z", ""}) {
    EXPECT_FALSE(parse_instant(bad).has_value()) << bad;
  }
}

TEST(InstantJson, JsonReaderNamesTheField) {
  EXPECT_EQ(instant_from_json(instant_to_json(kNoon), "deadline"), kNoon);
  EXPECT_EQ(iotest::problem_field([] { instant_from_json(boost::json::value(5), "deadline"); }), "deadline");
  EXPECT_EQ(iotest::problem_field([] { instant_from_json(boost::json::value("tomorrow"), "a.b"); }), "a.b");
}

}  // namespace
