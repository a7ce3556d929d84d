#include "catalog/io/decimal_json.hpp"

#include <cmath>
#include <cstdint>

#include "catalog/io/json_fields.hpp"

namespace dt::catalog::io {

namespace {

constexpr std::int64_t kMaxWhole = Decimal::kMaxMillis / Decimal::kScale;

[[noreturn]] void out_of_range(const std::string& path) {
  throw_invalid(path, "must be between -" + std::to_string(kMaxWhole) + " and " + std::to_string(kMaxWhole));
}

}  // namespace

boost::json::value decimal_to_json(Decimal value) {
  if (value.millis() % Decimal::kScale == 0) return value.millis() / Decimal::kScale;
  // Correctly rounded division: the same double as parsing the decimal text, so decimal_from_json gets it back.
  return static_cast<double>(value.millis()) / static_cast<double>(Decimal::kScale);
}

Decimal decimal_from_json(const boost::json::value& value, const std::string& path) {
  if (const auto* i = value.if_int64()) {
    if (*i > kMaxWhole || *i < -kMaxWhole) out_of_range(path);
    return Decimal::from_integer(*i);
  }
  if (value.is_uint64()) out_of_range(path);
  const auto* d = value.if_double();
  if (!d) throw_invalid(path, "must be a number, not " + std::string(json::kind_name(value)));
  constexpr double kScale = static_cast<double>(Decimal::kScale);
  if (!std::isfinite(*d) || std::fabs(*d) > static_cast<double>(Decimal::kMaxMillis) / kScale) out_of_range(path);
  // The value is m thousandths only if m / 1000.0 gives back exactly the double that was parsed (both are the
  // correctly rounded double of the same rational number). d * 1000 can be off by one ulp near the top of the
  // range, so the neighbours of the nearest integer are tried too; thousandths there are still ~2 ulps apart.
  const auto nearest = static_cast<std::int64_t>(std::nearbyint(*d * kScale));
  for (std::int64_t millis : {nearest, nearest - 1, nearest + 1}) {
    if (static_cast<double>(millis) / kScale == *d) {
      if (millis > Decimal::kMaxMillis || millis < -Decimal::kMaxMillis) out_of_range(path);
      return Decimal::from_millis(millis);
    }
  }
  throw_invalid(path, "must have at most three decimal places");
}

}  // namespace dt::catalog::io
