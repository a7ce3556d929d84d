#include "catalog/domain/date.hpp"

#include <gtest/gtest.h>

namespace {

using dt::catalog::format_date;
using dt::catalog::make_date;
using dt::catalog::parse_date;

TEST(Date, ParsesAndFormatsIsoDates) {
  const auto date = parse_date("2025-06-01");
  ASSERT_TRUE(date.has_value());
  EXPECT_EQ(*date, make_date(2025, 6, 1));
  EXPECT_EQ(format_date(*date), "2025-06-01");
  EXPECT_EQ(format_date(make_date(2020, 8, 1)), "2020-08-01");
  EXPECT_EQ(*parse_date("2024-02-29"), make_date(2024, 2, 29));
}

TEST(Date, RejectsMalformedAndImpossibleDates) {
  for (const char* bad : {"", "2025-6-1", "2025/06/01", "2025-02-29", "2025-13-01", "2025-00-10", "2025-06-01T00",
                          "20250601", "2025-06-0a"}) {
    EXPECT_FALSE(parse_date(bad).has_value()) << bad;
  }
}

TEST(Date, DaysAreConsecutive) { EXPECT_EQ(make_date(2025, 5, 31) + std::chrono::days{1}, make_date(2025, 6, 1)); }

}  // namespace
