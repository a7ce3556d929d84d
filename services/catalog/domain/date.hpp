#pragma once
// Calendar dates and instants used by the domain. Dates (a blueprint's validity, a Leitner due day) are plain
// civil days with no time zone: the caller decides which day "today" is for a user. Instants are UTC.
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace dt::catalog {

using Date = std::chrono::sys_days;
using TimePoint = std::chrono::system_clock::time_point;

// Exactly "YYYY-MM-DD" (the bank format's date), and only real dates: "2025-02-29" is rejected.
std::optional<Date> parse_date(std::string_view text);
std::string format_date(Date date);

// Shorthand for literals in code and tests: make_date(2025, 6, 1).
constexpr Date make_date(int year, unsigned month, unsigned day) {
  return std::chrono::year_month_day{std::chrono::year{year}, std::chrono::month{month}, std::chrono::day{day}};
}

}  // namespace dt::catalog
