#pragma once
#include <string>
#include <string_view>

namespace dt::log {

// Appends `text` as the inside of a JSON string: quotes, backslashes and control characters escaped, invalid
// UTF-8 replaced by U+FFFD so that every log line stays valid JSON whatever a client sent.
void append_json_escaped(std::string& out, std::string_view text);

}  // namespace dt::log
