#pragma once
// Conversion of a request Beast parsed into the kit's Request (internal to the server); responses are written
// by response_head.hpp.
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>

#include <string>

#include "http/request.hpp"

namespace dt::http::detail {

using BeastRequest = boost::beast::http::request<boost::beast::http::string_body>;

void to_request(BeastRequest&& in, Request& out);
// The head only (method, target, version, headers): a streaming route's body is read later.
void to_request_head(const boost::beast::http::request_header<>& in, Request& out);

}  // namespace dt::http::detail
