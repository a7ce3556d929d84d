#pragma once
// Param: one value bound to a $n placeholder. Values never become part of the SQL text, so a value can not
// change what a statement does (no SQL injection). Supported: strings, int32, int64, double, bool, Json,
// std::optional<any of those> and std::nullopt (NULL).
//
// Values travel in PostgreSQL's text format with a type: int32 -> int4, int64 -> int8, double -> float8,
// bool -> bool, Json -> jsonb. Strings are sent untyped, exactly like a quoted SQL literal: the server gives
// them the type the context needs (text, varchar, uuid, date, timestamptz, an enum...). Where the context says
// nothing (`SELECT $1 || $2`), write a cast in the SQL: `$1::text`.
#include <concepts>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace dt::db {

// A JSON document given as text, sent as jsonb (it also converts to a json column). Not validated here.
// A class, not an aggregate: GCC 12 destroys brace-initialized aggregate temporaries inside a co_await
// expression twice, and `co_await db.query(sql, Json(text))` is exactly where this type is used.
class Json {
 public:
  explicit Json(std::string text) : text_(std::move(text)) {}
  const std::string& text() const { return text_; }

 private:
  std::string text_;
};

class Param {
 public:
  Param(std::nullopt_t) {}  // NULL of unspecified type
  Param(std::string value) : text_(std::move(value)) {}
  Param(std::string_view value) : text_(std::string(value)) {}
  Param(const char* value) : text_(std::string(value)) {}
  Param(std::int32_t value);
  Param(std::int64_t value);
  Param(double value);
  // A template so that pointers and other types do not silently convert to bool.
  template <std::same_as<bool> B>
  Param(B value) : text_(value ? "t" : "f"), type_(kBoolType) {}
  Param(const Json& value) : text_(value.text()), type_(kJsonbType) {}
  // A NULL keeps the type of T, so that a statement's parameter types do not depend on the values.
  template <class T>
  Param(const std::optional<T>& value) : Param(value ? Param(*value) : Param(std::nullopt)) {
    if (!value) type_ = type_of<T>();
  }

  bool is_null() const { return !text_.has_value(); }
  // The text form; only meaningful when !is_null().
  const std::string& text() const { return *text_; }
  // PostgreSQL type OID the value is sent as; 0 lets the server infer it.
  unsigned type() const { return type_; }

 private:
  static constexpr unsigned kBoolType = 16;
  static constexpr unsigned kInt4Type = 23;
  static constexpr unsigned kInt8Type = 20;
  static constexpr unsigned kFloat8Type = 701;
  static constexpr unsigned kJsonbType = 3802;

  template <class T>
  static constexpr unsigned type_of() {
    if constexpr (std::is_same_v<T, bool>) return kBoolType;
    if constexpr (std::is_same_v<T, std::int32_t>) return kInt4Type;
    if constexpr (std::is_same_v<T, std::int64_t>) return kInt8Type;
    if constexpr (std::is_same_v<T, double>) return kFloat8Type;
    if constexpr (std::is_same_v<T, Json>) return kJsonbType;
    return 0;
  }

  Param(std::string text, unsigned type) : text_(std::move(text)), type_(type) {}

  std::optional<std::string> text_;
  unsigned type_ = 0;
};

// Values for $1, $2, ... in order, for lists built at run time; usually values are passed one by one:
// db.query("SELECT ... WHERE id = $1 AND name = $2", id, name).
using Params = std::vector<Param>;

}  // namespace dt::db
