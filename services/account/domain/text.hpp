#pragma once
// Small text helpers for validation: ASCII case folding, trimming, UTF-8 checks. Pure; no locale.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace dt::account::domain {

std::string ascii_lower(std::string_view text);
std::string_view trim(std::string_view text);
// The number of code points when `text` is valid UTF-8, nullopt otherwise.
std::optional<std::size_t> utf8_length(std::string_view text);
// Whether text contains a control character (C0, DEL).
bool has_control_char(std::string_view text);
// Case-insensitive (ASCII) substring search.
bool contains_ignoring_case(std::string_view haystack, std::string_view needle);

}  // namespace dt::account::domain
