#include "http_client/http_url.hpp"

#include <boost/url/parse.hpp>
#include <boost/url/url_view.hpp>

#include <charconv>
#include <stdexcept>

namespace dt::http {
namespace {

[[noreturn]] void reject(std::string_view url, const std::string& why) {
  throw std::invalid_argument("invalid URL '" + std::string(url.substr(0, 200)) + "': " + why);
}

// Checked here: Boost.URL 1.81's port_number() wraps ports above 65535 around.
std::uint16_t parse_port(std::string_view url, std::string_view text) {
  unsigned long value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || value == 0 || value > 65535) {
    reject(url, "the port must be 1-65535");
  }
  return static_cast<std::uint16_t>(value);
}

}  // namespace

HttpUrl HttpUrl::parse(std::string_view url) {
  auto parsed = boost::urls::parse_uri(url);
  if (!parsed) reject(url, "not an absolute URL (" + parsed.error().message() + ")");
  const boost::urls::url_view& u = *parsed;
  if (u.scheme_id() == boost::urls::scheme::https) reject(url, "https is not supported yet");
  if (u.scheme_id() != boost::urls::scheme::http) reject(url, "the scheme must be http");
  if (u.has_userinfo()) reject(url, "user info is not allowed");
  HttpUrl out;
  out.host = u.host_address();
  if (out.host.empty()) reject(url, "no host");
  if (u.has_port() && !u.port().empty()) {  // "http://host:/" means the default port (RFC 3986 section 6.2.3)
    out.port = parse_port(url, u.port());
  }
  out.target = u.encoded_path();
  // After an authority the path is empty or starts with '/'. Boost.URL 1.81 reads "http://h:8o/" as port 8 and
  // path "o/": refuse that here.
  if (!out.target.empty() && out.target.front() != '/') reject(url, "malformed port or path");
  if (out.target.empty()) out.target = "/";
  if (u.has_query()) {
    out.target += '?';
    out.target += u.encoded_query();
  }
  return out;
}

}  // namespace dt::http
