#pragma once
// Internal to dt_http_client: conversions between the client's request/response and Beast messages.
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>

#include <cstdint>
#include <string>
#include <string_view>

#include "http_client/client_request.hpp"
#include "http_client/client_response.hpp"

namespace dt::http::detail {

using BeastClientRequest = boost::beast::http::request<boost::beast::http::string_body>;
using BeastClientResponse = boost::beast::http::response<boost::beast::http::string_body>;

// The message to write: the caller's headers, Host and User-Agent unless the caller set them, Content-Length
// from the body. Throws std::invalid_argument for a method, target or header that would corrupt the request
// (CR/LF injection, spaces in the target...).
BeastClientRequest to_beast_request(ClientRequest&& request, std::string_view host, std::uint16_t port);

ClientResponse to_client_response(BeastClientResponse&& response);

// "GET 127.0.0.1:8081/api/exams" for messages: the query is left out, it may carry secrets.
std::string describe(std::string_view method, std::string_view host, std::uint16_t port, std::string_view target);

}  // namespace dt::http::detail
