#include "http/test_support/json_call.hpp"

#include <boost/json/parse.hpp>

#include <stdexcept>

namespace dt::http::testing {

JsonReply json_call(std::uint16_t port, const std::string& method, const std::string& target, const std::string& body,
                    const std::string& extra_headers) {
  RawClient client(port);
  std::string headers = extra_headers;
  const bool typed = extra_headers.find("Content-Type:") != std::string::npos ||
                     extra_headers.find("content-type:") != std::string::npos;
  if (!body.empty() && !typed) headers += "Content-Type: application/json\r\n";
  auto raw = client.request(method, target, body, headers);
  if (!raw) throw std::runtime_error(method + " " + target + ": no response");
  JsonReply reply;
  reply.status = raw->status;
  reply.text = raw->body;
  boost::system::error_code ec;
  reply.body = boost::json::parse(raw->body, ec);
  if (ec) reply.body = nullptr;
  reply.raw = std::move(*raw);
  return reply;
}

}  // namespace dt::http::testing
