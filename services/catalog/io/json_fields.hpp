#pragma once
// Small helpers shared by the codecs of this folder: field paths and the integer/enum/code fields the bank
// format uses, on top of dt::json::ObjectReader (every mistake is a dt::Problem 400 naming the field path).
#include <boost/json/value.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "json/object_reader.hpp"

namespace dt::catalog::io {

// Throws dt::Problem::invalid_field(field, message): keeps <errors/problem.hpp> out of this header's users.
[[noreturn]] void throw_invalid(const std::string& field, const std::string& message);

// "questions[3]" + "text" -> "questions[3].text"; "" + "text" -> "text".
std::string field_path(const std::string& path, std::string_view field);
// "quotas" + 2 -> "quotas[2]".
std::string index_path(const std::string& path, std::size_t index);

// An integer member that fits an int (the domain's counts, weights and marks); range rules beyond that are the
// domain validators' business, so their messages stay the same for JSON, CSV and the admin API.
int int_field(const json::ObjectReader& in, std::string_view name);
std::optional<int> optional_int_field(const json::ObjectReader& in, std::string_view name);

// A string member spelled as one of the format's names: parse(text) -> optional<E>; `allowed` lists them for
// the message ("choice or numeric").
template <class Parse>
auto enum_field(const json::ObjectReader& in, std::string_view name, Parse parse, std::string_view allowed) {
  const std::string text = in.string(name, {.max_length = 64});
  auto parsed = parse(text);
  if (!parsed) throw_invalid(in.path_of(name), "must be " + std::string(allowed) + ", not '" + text + "'");
  return *parsed;
}

}  // namespace dt::catalog::io
