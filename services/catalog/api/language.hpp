#pragma once
#include <string>

#include "http/request.hpp"

namespace dt::catalog::api {

// The language to render texts in: ?lang=xx, else the first of Accept-Language, else "vi". Two or three
// lowercase letters; anything else is a 400 naming "lang".
std::string language_of(const http::Request& request);

}  // namespace dt::catalog::api
