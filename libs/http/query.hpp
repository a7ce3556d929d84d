#pragma once
// Percent-decoding and query-string lookup (application/x-www-form-urlencoded rules: '+' is a space).
#include <optional>
#include <string>
#include <string_view>

namespace dt::http {

// nullopt when `text` has a malformed escape (e.g. "%G1" or a trailing "%").
std::optional<std::string> percent_decode(std::string_view text, bool plus_is_space);

// The decoded value of the first `name` in `query` ("a=1&b=x%20y"); "" for "flag" or "flag=".
// Throws dt::Problem (400) when the value is not valid percent-encoding.
std::optional<std::string> query_value(std::string_view query, std::string_view name);

}  // namespace dt::http
