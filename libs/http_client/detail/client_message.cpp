#include "http_client/detail/client_message.hpp"

#include <algorithm>
#include <stdexcept>

namespace dt::http::detail {
namespace bhttp = boost::beast::http;

namespace {

constexpr std::string_view kUserAgent = "drivetest-kit";

bool is_token(std::string_view text) {
  if (text.empty()) return false;
  for (char c : text) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
    if (!ok) return false;
  }
  return true;
}

// Visible ASCII and bytes >= 0x80: no space, no control character.
bool is_clean_target(std::string_view target) {
  if (target.empty() || target.front() != '/') return false;
  for (char c : target) {
    const auto u = static_cast<unsigned char>(c);
    if (u <= 0x20 || u == 0x7f) return false;
  }
  return true;
}

bool is_clean_value(std::string_view value) {
  for (char c : value) {
    const auto u = static_cast<unsigned char>(c);
    if ((u < 0x20 && c != '\t') || u == 0x7f) return false;
  }
  return true;
}

std::string host_header(std::string_view host, std::uint16_t port) {
  std::string out = host.find(':') == std::string_view::npos ? std::string(host) : "[" + std::string(host) + "]";
  if (port != 80) out += ":" + std::to_string(port);
  return out;
}

}  // namespace

BeastClientRequest to_beast_request(ClientRequest&& request, std::string_view host, std::uint16_t port) {
  if (!is_token(request.method)) throw std::invalid_argument("http client: invalid method '" + request.method + "'");
  if (!is_clean_target(request.target)) {
    throw std::invalid_argument("http client: the target must start with '/' and hold no space or control byte");
  }
  BeastClientRequest out;
  out.version(11);
  out.method_string(request.method);
  out.target(request.target);
  // Host first (RFC 9112 section 3.2 asks for it), then User-Agent, then the caller's headers in their order.
  if (!request.headers.contains("Host")) out.set(bhttp::field::host, host_header(host, port));
  if (!request.headers.contains("User-Agent")) out.set(bhttp::field::user_agent, kUserAgent);
  for (const auto& [name, value] : request.headers.entries()) {
    if (!is_token(name) || !is_clean_value(value)) {
      throw std::invalid_argument("http client: invalid header '" + name.substr(0, 64) + "'");
    }
    // The body is framed here, never by the caller.
    if (iequals(name, "Content-Length") || iequals(name, "Transfer-Encoding")) continue;
    out.insert(name, value);
  }
  out.body() = std::move(request.body);
  out.prepare_payload();
  return out;
}

ClientResponse to_client_response(BeastClientResponse&& response) {
  ClientResponse out;
  out.status = static_cast<int>(response.result_int());
  out.headers.reserve(8);
  for (const auto& field : response) out.headers.add(std::string(field.name_string()), std::string(field.value()));
  out.body = std::move(response.body());
  return out;
}

std::string describe(std::string_view method, std::string_view host, std::uint16_t port, std::string_view target) {
  const auto path = target.substr(0, std::min(target.find('?'), std::size_t{200}));
  return std::string(method.substr(0, 16)) + " " + std::string(host) + ":" + std::to_string(port) + std::string(path);
}

}  // namespace dt::http::detail
