#include "catalog/io/decimal_json.hpp"

#include <gtest/gtest.h>

#include <boost/json/serialize.hpp>

#include "catalog/io/io_test_support.hpp"

namespace {

using namespace dt::catalog;
using namespace dt::catalog::io;
using iotest::parse;
using iotest::problem_field;

Decimal read(std::string_view json) { return decimal_from_json(parse(json), "value"); }

TEST(DecimalJson, ReadsIntegersAndUpToThreeDecimalsExactly) {
  EXPECT_EQ(read("50"), Decimal::from_integer(50));
  EXPECT_EQ(read("-7"), Decimal::from_integer(-7));
  EXPECT_EQ(read("2.5"), Decimal::from_millis(2500));
  EXPECT_EQ(read("0.1"), Decimal::from_millis(100));
  EXPECT_EQ(read("0.125"), Decimal::from_millis(125));
  EXPECT_EQ(read("-0.001"), Decimal::from_millis(-1));
  EXPECT_EQ(read("1.0"), Decimal::from_integer(1));
  EXPECT_EQ(read("2.50"), Decimal::from_millis(2500));
  EXPECT_EQ(read("1e2"), Decimal::from_integer(100));
  EXPECT_EQ(read("123456.789"), Decimal::from_millis(123456789));
}

TEST(DecimalJson, RejectsMorePrecisionInsteadOfRounding) {
  EXPECT_EQ(problem_field([] { read("2.5001"); }), "value");
  EXPECT_EQ(problem_field([] { read("0.0005"); }), "value");
  EXPECT_EQ(problem_field([] { read("2.5000001"); }), "value");
  EXPECT_EQ(problem_field([] { read("1e-4"); }), "value");
}

TEST(DecimalJson, RejectsNonNumbersAndValuesOutOfRange) {
  EXPECT_EQ(problem_field([] { read("\"2.5\""); }), "value");
  EXPECT_EQ(problem_field([] { read("null"); }), "value");
  EXPECT_EQ(problem_field([] { read("true"); }), "value");
  EXPECT_EQ(problem_field([] { read("18446744073709551615"); }), "value");
  EXPECT_EQ(problem_field([] { read("9000000000000000"); }), "value");
  EXPECT_EQ(problem_field([] { read("1e300"); }), "value");
}

TEST(DecimalJson, WritesWholeValuesAsIntegersAndRoundTripsEveryThousandth) {
  EXPECT_EQ(boost::json::serialize(decimal_to_json(Decimal::from_integer(50))), "50");
  EXPECT_TRUE(decimal_to_json(Decimal::from_millis(2500)).is_double());
  for (std::int64_t millis = -20'000; millis <= 20'000; ++millis) {
    const Decimal d = Decimal::from_millis(millis);
    const std::string text = boost::json::serialize(decimal_to_json(d));
    ASSERT_EQ(read(text), d) << text;
  }
  for (std::int64_t millis : {Decimal::kMaxMillis, -Decimal::kMaxMillis, std::int64_t{4503599627370495}}) {
    const Decimal d = Decimal::from_millis(millis);
    EXPECT_EQ(read(boost::json::serialize(decimal_to_json(d))), d) << millis;
  }
}

}  // namespace
