#pragma once
// Row: one row of a Result, read by column index or name:
//   row.get<std::int64_t>("id"), row.get<std::optional<std::string>>(2)
// get<T> supports std::string, std::int32_t, std::int64_t, double, bool and std::optional of them (NULL ->
// std::nullopt). Reading NULL into a non-optional, or text that is not a T, throws dt::db::Error.
// A Row points into its Result: keep the Result alive while using the Row.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>

struct pg_result;  // libpq's PGresult, kept out of this header

namespace dt::db {

namespace detail {
template <class T>
inline constexpr bool kIsOptional = false;
template <class T>
inline constexpr bool kIsOptional<std::optional<T>> = true;

template <class T>
inline constexpr bool kIsColumnType =
    std::is_same_v<T, std::string> || std::is_same_v<T, std::int32_t> || std::is_same_v<T, std::int64_t> ||
    std::is_same_v<T, double> || std::is_same_v<T, bool>;
}  // namespace detail

class Row {
 public:
  Row(const pg_result* result, int row) : result_(result), row_(row) {}

  template <class T>
  T get(int column) const {
    if constexpr (detail::kIsOptional<T>) {
      if (is_null(column)) return std::nullopt;
      return get<typename T::value_type>(column);
    } else {
      static_assert(detail::kIsColumnType<T>,
                    "Row::get<T>: T must be std::string, std::int32_t, std::int64_t, double, bool or an optional");
      T value{};
      read(column, value);
      return value;
    }
  }
  template <class T>
  T get(std::string_view column_name) const {
    return get<T>(column_index(column_name));
  }

  bool is_null(int column) const;
  bool is_null(std::string_view column_name) const { return is_null(column_index(column_name)); }
  // The value as the server sent it (text format); valid while the Result lives.
  std::string_view text(int column) const;
  // Throws Error when the result has no column of that name.
  int column_index(std::string_view column_name) const;

 private:
  void read(int column, std::string& out) const;
  void read(int column, std::int32_t& out) const;
  void read(int column, std::int64_t& out) const;
  void read(int column, double& out) const;
  void read(int column, bool& out) const;
  // The column's text, or throws when it is NULL or out of range.
  std::string_view not_null(int column) const;
  [[noreturn]] void bad_value(int column, std::string_view wanted) const;

  const pg_result* result_;
  int row_;
};

}  // namespace dt::db
