#pragma once
// json_call: one request to a kit server on a fresh connection, the reply's body parsed as JSON when it is JSON.
// The HTTP tests of every service use it (directly or through their harness).
#include <boost/json/value.hpp>

#include <cstdint>
#include <string>

#include "http/test_support/raw_client.hpp"

namespace dt::http::testing {

struct JsonReply {
  int status = 0;
  boost::json::value body;  // null when the body is not JSON
  std::string text;
  RawResponse raw;
  std::string header(const std::string& name) const { return raw.header(name); }
};

// extra_headers: complete lines, each ending in "\r\n". A body gets Content-Type: application/json unless
// extra_headers set one. Throws std::runtime_error when no response arrives.
JsonReply json_call(std::uint16_t port, const std::string& method, const std::string& target,
                    const std::string& body = "", const std::string& extra_headers = "");

}  // namespace dt::http::testing
