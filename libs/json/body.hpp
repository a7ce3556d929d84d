#pragma once
// Parsing request bodies: malformed JSON becomes a 400 problem that says where it broke.
#include <boost/json/value.hpp>

#include <string>
#include <string_view>

namespace dt::json {

// Parses a request body. Throws dt::Problem (400 malformed-json) naming the byte offset, also for an empty
// body, nesting deeper than max_depth, or trailing garbage.
boost::json::value parse_body(std::string_view body, std::size_t max_depth = 32);

std::string to_string(const boost::json::value& value);

}  // namespace dt::json
