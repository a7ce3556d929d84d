#pragma once
#include <string_view>

namespace dt::http {

enum class Method { get, head, post, put, patch, delete_, options, other };

Method parse_method(std::string_view text);
std::string_view to_string(Method method);

}  // namespace dt::http
