#pragma once
// The address a request came from: the peer, or, when the peer is a trusted proxy (the gateway), the last
// address it appended to X-Forwarded-For. Addresses a client wrote itself earlier in that header are ignored.
#include <string>
#include <string_view>
#include <vector>

#include "http/request.hpp"

namespace dt::account::api {

// trusted_proxies: exact peer addresses, e.g. {"127.0.0.1", "::1"}. Returns a valid IPv4/IPv6 text.
std::string client_ip(const http::Request& request, const std::vector<std::string>& trusted_proxies);

}  // namespace dt::account::api
