#pragma once
#include <boost/json/value.hpp>

#include "http/response.hpp"

namespace dt::http {

Response json_response(int status, const boost::json::value& body);

}  // namespace dt::http
