#pragma once
// Decimal: an exact number with up to three decimal places, stored as an integer count of thousandths.
// Numeric questions ("stopping distance in metres?") and their tolerances use it so that deciding whether an
// answer is right never depends on floating-point rounding: 2.5 +- 0.1 accepts 2.4 and 2.6 exactly.
#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace dt::catalog {

class Decimal {
 public:
  static constexpr std::int64_t kScale = 1000;
  // Keeps every value far from int64 overflow when two are added or subtracted.
  static constexpr std::int64_t kMaxMillis = std::int64_t{1} << 52;

  constexpr Decimal() = default;
  static constexpr Decimal from_millis(std::int64_t millis) { return Decimal(millis); }
  static constexpr Decimal from_integer(std::int64_t value) { return Decimal(value * kScale); }
  // "50", "-2.5", "0.125". Rejects more than three decimals (no silent rounding), exponents, "+", "", ".5".
  static std::optional<Decimal> parse(std::string_view text);
  // For JSON readers that hand over a double: accepted only when it is within 1e-6 of a multiple of 0.001
  // (0.1 is, 0.0001 is not). Floating point is confined to this conversion.
  static std::optional<Decimal> from_double(double value);

  constexpr std::int64_t millis() const { return millis_; }
  // Shortest exact text: "50", "2.5", "-0.125".
  std::string to_string() const;
  double to_double() const { return static_cast<double>(millis_) / kScale; }

  friend constexpr bool operator==(Decimal, Decimal) = default;
  friend constexpr auto operator<=>(Decimal, Decimal) = default;

 private:
  constexpr explicit Decimal(std::int64_t millis) : millis_(millis) {}
  std::int64_t millis_ = 0;
};

// |a - b| <= tolerance, exactly.
bool within_tolerance(Decimal a, Decimal b, Decimal tolerance);

}  // namespace dt::catalog
