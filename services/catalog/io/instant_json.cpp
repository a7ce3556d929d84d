#include "catalog/io/instant_json.hpp"

#include <chrono>
#include <cstdio>

#include "catalog/io/json_fields.hpp"

namespace dt::catalog::io {

namespace {

using std::chrono::nanoseconds;

bool digits(std::string_view text, int& value) {
  value = 0;
  if (text.empty()) return false;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
    value = value * 10 + (c - '0');
  }
  return true;
}

}  // namespace

std::string format_instant(TimePoint instant) {
  const auto day = std::chrono::floor<std::chrono::days>(instant);
  const std::chrono::hh_mm_ss<nanoseconds> time{std::chrono::duration_cast<nanoseconds>(instant - day)};
  std::string text = format_date(day);
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "T%02d:%02d:%02d", static_cast<int>(time.hours().count()),
                static_cast<int>(time.minutes().count()), static_cast<int>(time.seconds().count()));
  text += buffer;
  long long fraction = time.subseconds().count();
  if (fraction != 0) {
    int width = 9;
    while (width > 3 && fraction % 1000 == 0) {
      fraction /= 1000;
      width -= 3;
    }
    std::snprintf(buffer, sizeof buffer, ".%0*lld", width, fraction);
    text += buffer;
  }
  return text + "Z";
}

std::optional<TimePoint> parse_instant(std::string_view text) {
  if (text.size() < 20 || text[10] != 'T' || text.back() != 'Z' || text[13] != ':' || text[16] != ':') {
    return std::nullopt;
  }
  const auto date = parse_date(text.substr(0, 10));
  int hours = 0;
  int minutes = 0;
  int seconds = 0;
  if (!date || !digits(text.substr(11, 2), hours) || !digits(text.substr(14, 2), minutes) ||
      !digits(text.substr(17, 2), seconds) || hours > 23 || minutes > 59 || seconds > 59) {
    return std::nullopt;
  }
  nanoseconds fraction{0};
  const std::string_view rest = text.substr(19, text.size() - 20);
  if (!rest.empty()) {
    if (rest.front() != '.' || rest.size() < 2 || rest.size() > 10) return std::nullopt;
    int value = 0;
    if (!digits(rest.substr(1), value)) return std::nullopt;
    for (std::size_t i = rest.size() - 1; i < 9; ++i) value *= 10;
    fraction = nanoseconds{value};
  }
  return TimePoint{*date} + std::chrono::hours{hours} + std::chrono::minutes{minutes} + std::chrono::seconds{seconds} +
         std::chrono::duration_cast<TimePoint::duration>(fraction);
}

boost::json::value instant_to_json(TimePoint instant) { return boost::json::value(format_instant(instant)); }

TimePoint instant_from_json(const boost::json::value& value, const std::string& path) {
  const auto* text = value.if_string();
  if (!text) throw_invalid(path, "must be a date-time string, not " + std::string(json::kind_name(value)));
  const auto instant = parse_instant(*text);
  if (!instant) throw_invalid(path, "must be a UTC date-time such as 2025-06-01T08:30:00Z");
  return *instant;
}

}  // namespace dt::catalog::io
