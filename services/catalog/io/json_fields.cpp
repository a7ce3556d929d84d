#include "catalog/io/json_fields.hpp"

#include <climits>

#include "errors/problem.hpp"

namespace dt::catalog::io {

void throw_invalid(const std::string& field, const std::string& message) {
  throw Problem::invalid_field(field, message);
}

std::string field_path(const std::string& path, std::string_view field) {
  return path.empty() ? std::string(field) : path + "." + std::string(field);
}

std::string index_path(const std::string& path, std::size_t index) { return path + "[" + std::to_string(index) + "]"; }

int int_field(const json::ObjectReader& in, std::string_view name) {
  return static_cast<int>(in.integer(name, {.min = INT_MIN, .max = INT_MAX}));
}

std::optional<int> optional_int_field(const json::ObjectReader& in, std::string_view name) {
  const auto value = in.optional_integer(name, {.min = INT_MIN, .max = INT_MAX});
  if (!value) return std::nullopt;
  return static_cast<int>(*value);
}

}  // namespace dt::catalog::io
