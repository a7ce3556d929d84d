#include "cache/redis_url.hpp"

#include <boost/url/parse.hpp>

#include <charconv>
#include <stdexcept>

namespace dt::cache {
namespace {

[[noreturn]] void invalid(const std::string& why) { throw std::invalid_argument("invalid redis URL: " + why); }

int parse_db(std::string_view path) {
  if (path.empty() || path == "/") return 0;
  const std::string_view digits = path.substr(1);
  int db = -1;
  const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), db);
  if (ec != std::errc{} || end != digits.data() + digits.size() || db < 0) {
    invalid("the path must be /<database number>, got '" + std::string(path) + "'");
  }
  return db;
}

// Not url_view::port_number(): Boost 1.81 wraps 99999 around to 34463 instead of rejecting it.
std::uint16_t parse_port(std::string_view text) {
  unsigned port = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), port);
  if (ec != std::errc{} || end != text.data() + text.size() || port == 0 || port > 65535) {
    invalid("the port must be 1..65535, got '" + std::string(text) + "'");
  }
  return static_cast<std::uint16_t>(port);
}

}  // namespace

RedisUrl RedisUrl::parse(std::string_view text) {
  // The whole URL is left out of messages: it holds the password.
  const auto parsed = boost::urls::parse_uri(text);
  if (!parsed) invalid("expected redis://[[user]:password@]host[:port][/db]");
  const boost::urls::url_view& url = *parsed;
  if (url.scheme() != "redis") invalid("the scheme must be redis://, got '" + std::string(url.scheme()) + "://'");
  if (url.has_query() || url.has_fragment()) invalid("query and fragment are not supported");

  RedisUrl result;
  result.host = url.host_address();
  if (result.host.empty()) invalid("the host is missing");
  if (url.has_port()) result.port = parse_port(url.port());
  if (url.has_userinfo()) {
    result.username = url.user();
    if (url.has_password()) result.password = url.password();
    if (result.password.empty()) invalid("a user without a password (write redis://:password@host)");
  }
  result.db = parse_db(url.path());
  return result;
}

std::string RedisUrl::endpoint() const {
  const bool ipv6 = host.find(':') != std::string::npos;
  return (ipv6 ? "[" + host + "]" : host) + ":" + std::to_string(port);
}

}  // namespace dt::cache
