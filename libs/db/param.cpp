#include "db/param.hpp"

#include <array>
#include <charconv>
#include <cmath>

namespace dt::db {
namespace {

template <class T>
std::string to_text(T value) {
  std::array<char, 32> buffer{};
  const auto [end, ec] = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
  return std::string(buffer.data(), end);
}

}  // namespace

Param::Param(std::int32_t value) : Param(to_text(value), kInt4Type) {}

Param::Param(std::int64_t value) : Param(to_text(value), kInt8Type) {}

// Shortest text that reads back as the same double; PostgreSQL spells the special values its own way.
Param::Param(double value) : Param(to_text(value), kFloat8Type) {
  if (std::isnan(value)) {
    text_ = "NaN";
  } else if (std::isinf(value)) {
    text_ = value > 0 ? "Infinity" : "-Infinity";
  }
}

}  // namespace dt::db
