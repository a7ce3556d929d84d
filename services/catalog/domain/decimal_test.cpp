#include "catalog/domain/decimal.hpp"

#include <gtest/gtest.h>

namespace {

using dt::catalog::Decimal;
using dt::catalog::within_tolerance;

TEST(Decimal, ParsesExactly) {
  EXPECT_EQ(Decimal::parse("50")->millis(), 50000);
  EXPECT_EQ(Decimal::parse("2.5")->millis(), 2500);
  EXPECT_EQ(Decimal::parse("-0.125")->millis(), -125);
  EXPECT_EQ(Decimal::parse("0.1")->millis(), 100);
  EXPECT_EQ(*Decimal::parse("7"), Decimal::from_integer(7));
}

TEST(Decimal, RejectsWhatItCannotHoldExactly) {
  for (const char* bad : {"", "-", ".5", "5.", "0.0001", "1e3", "+1", "1,5", " 1", "abc", "9999999999999999"}) {
    EXPECT_FALSE(Decimal::parse(bad).has_value()) << bad;
  }
}

TEST(Decimal, PrintsShortestExactText) {
  EXPECT_EQ(Decimal::from_millis(50000).to_string(), "50");
  EXPECT_EQ(Decimal::from_millis(2500).to_string(), "2.5");
  EXPECT_EQ(Decimal::from_millis(-125).to_string(), "-0.125");
  EXPECT_EQ(Decimal::from_millis(5).to_string(), "0.005");
  EXPECT_EQ(Decimal().to_string(), "0");
}

TEST(Decimal, FromDoubleAcceptsOnlyThousandths) {
  EXPECT_EQ(Decimal::from_double(0.1)->millis(), 100);
  EXPECT_EQ(Decimal::from_double(2.5)->millis(), 2500);
  EXPECT_EQ(Decimal::from_double(-3.0)->millis(), -3000);
  EXPECT_FALSE(Decimal::from_double(0.0001).has_value());
  EXPECT_FALSE(Decimal::from_double(1e300).has_value());
}

TEST(Decimal, ToleranceIsExactAtTheEdges) {
  const Decimal value = *Decimal::parse("2.5");
  const Decimal tolerance = *Decimal::parse("0.1");
  EXPECT_TRUE(within_tolerance(*Decimal::parse("2.4"), value, tolerance));
  EXPECT_TRUE(within_tolerance(*Decimal::parse("2.6"), value, tolerance));
  EXPECT_FALSE(within_tolerance(*Decimal::parse("2.601"), value, tolerance));
  EXPECT_FALSE(within_tolerance(*Decimal::parse("2.399"), value, tolerance));
  EXPECT_TRUE(within_tolerance(Decimal::from_integer(50), Decimal::from_integer(50), Decimal()));
  EXPECT_FALSE(within_tolerance(Decimal::from_integer(51), Decimal::from_integer(50), Decimal()));
}

}  // namespace
