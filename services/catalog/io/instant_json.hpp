#pragma once
// Instants as RFC 3339 UTC text: "2025-06-01T08:30:00Z", with a fraction only when the instant has one
// (".250Z", ".000001Z", ".123456789Z": 3, 6 or 9 digits), so that reading what was written gives back the
// same TimePoint to the nanosecond (the exam session's JSONB round trip depends on it).
#include <boost/json/value.hpp>

#include <optional>
#include <string>
#include <string_view>

#include "catalog/domain/date.hpp"

namespace dt::catalog::io {

std::string format_instant(TimePoint instant);
// Exactly "YYYY-MM-DDTHH:MM:SS[.F]Z" with 1-9 fraction digits, a real date and a time up to 23:59:59; no other
// offsets than Z. nullopt otherwise.
std::optional<TimePoint> parse_instant(std::string_view text);

boost::json::value instant_to_json(TimePoint instant);
// Throws dt::Problem::invalid_field(path) for anything parse_instant refuses.
TimePoint instant_from_json(const boost::json::value& value, const std::string& path);

}  // namespace dt::catalog::io
