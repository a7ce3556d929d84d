#pragma once
// Conversions between Beast messages and the kit's Request/Response (internal to the server).
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>

#include <string>

#include "http/request.hpp"
#include "http/response.hpp"

namespace dt::http::detail {

using BeastRequest = boost::beast::http::request<boost::beast::http::string_body>;
using BeastResponse = boost::beast::http::response<boost::beast::http::string_body>;

void to_request(BeastRequest&& in, Request& out);
// The head only (method, target, version, headers): a streaming route's body is read later.
void to_request_head(const boost::beast::http::request_header<>& in, Request& out);
BeastResponse to_beast(Response&& in, unsigned version, bool keep_alive, bool head);

}  // namespace dt::http::detail
