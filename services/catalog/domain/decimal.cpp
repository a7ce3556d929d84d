#include "catalog/domain/decimal.hpp"

#include <cmath>

namespace dt::catalog {

std::optional<Decimal> Decimal::parse(std::string_view text) {
  bool negative = false;
  if (!text.empty() && text.front() == '-') {
    negative = true;
    text.remove_prefix(1);
  }
  const auto dot = text.find('.');
  const std::string_view whole = text.substr(0, dot);
  const std::string_view fraction = dot == std::string_view::npos ? std::string_view{} : text.substr(dot + 1);
  if (whole.empty() || whole.size() > 15) return std::nullopt;
  if (dot != std::string_view::npos && (fraction.empty() || fraction.size() > 3)) return std::nullopt;
  std::int64_t millis = 0;
  for (char c : whole) {
    if (c < '0' || c > '9') return std::nullopt;
    millis = millis * 10 + (c - '0');
  }
  std::int64_t scale = kScale;
  millis *= kScale;
  for (char c : fraction) {
    if (c < '0' || c > '9') return std::nullopt;
    scale /= 10;
    millis += (c - '0') * scale;
  }
  if (millis > kMaxMillis) return std::nullopt;
  return Decimal(negative ? -millis : millis);
}

std::optional<Decimal> Decimal::from_double(double value) {
  if (!std::isfinite(value)) return std::nullopt;
  const double scaled = value * kScale;
  if (std::fabs(scaled) > static_cast<double>(kMaxMillis)) return std::nullopt;
  const double rounded = std::nearbyint(scaled);
  if (std::fabs(scaled - rounded) > 1e-3) return std::nullopt;
  return Decimal(static_cast<std::int64_t>(rounded));
}

std::string Decimal::to_string() const {
  const std::int64_t magnitude = millis_ < 0 ? -millis_ : millis_;
  std::string text = millis_ < 0 ? "-" : "";
  text += std::to_string(magnitude / kScale);
  std::int64_t fraction = magnitude % kScale;
  if (fraction != 0) {
    std::string digits = std::to_string(fraction);
    digits.insert(0, 3 - digits.size(), '0');
    while (digits.back() == '0') digits.pop_back();
    text += '.' + digits;
  }
  return text;
}

bool within_tolerance(Decimal a, Decimal b, Decimal tolerance) {
  const std::int64_t difference = a.millis() - b.millis();
  const std::int64_t distance = difference < 0 ? -difference : difference;
  return distance <= tolerance.millis();
}

}  // namespace dt::catalog
