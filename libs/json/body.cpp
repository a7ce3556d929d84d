#include "json/body.hpp"

#include <boost/json/parser.hpp>
#include <boost/json/serialize.hpp>

#include "errors/problem.hpp"

namespace dt::json {

boost::json::value parse_body(std::string_view body, std::size_t max_depth) {
  if (body.empty()) throw Problem::malformed_json("the request body is empty; a JSON document is required");
  boost::json::parse_options options;
  options.max_depth = max_depth;
  boost::json::parser parser({}, options);
  boost::system::error_code ec;
  // write() wants exactly one complete document: trailing garbage and a truncated document are errors too.
  const std::size_t used = parser.write(body.data(), body.size(), ec);
  if (ec) {
    throw Problem::malformed_json("the request body is not valid JSON (" + ec.message() + " near byte " +
                                  std::to_string(used) + ")");
  }
  return parser.release();
}

std::string to_string(const boost::json::value& value) { return boost::json::serialize(value); }

}  // namespace dt::json
