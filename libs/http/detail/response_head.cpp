#include "http/detail/response_head.hpp"

#include <boost/beast/http/status.hpp>

#include <array>
#include <charconv>
#include <ctime>

namespace dt::http::detail {
namespace {

// The Date header (RFC 9110 section 6.6.1), formatted once per second per thread.
std::string_view http_date() {
  thread_local std::time_t cached_second = 0;
  thread_local std::array<char, 64> cached{};
  thread_local std::size_t cached_size = 0;
  const std::time_t now = std::time(nullptr);
  if (now != cached_second) {
    std::tm tm{};
    gmtime_r(&now, &tm);
    cached_size = std::strftime(cached.data(), cached.size(), "%a, %d %b %Y %H:%M:%S GMT", &tm);
    cached_second = now;
  }
  return {cached.data(), cached_size};
}

// RFC 9110 section 5.6.2: tchar.
constexpr std::array<bool, 256> kTokenChars = [] {
  std::array<bool, 256> table{};
  for (int c = '0'; c <= '9'; ++c) table[c] = true;
  for (int c = 'a'; c <= 'z'; ++c) table[c] = true;
  for (int c = 'A'; c <= 'Z'; ++c) table[c] = true;
  for (char c : std::string_view("!#$%&'*+-.^_`|~")) table[static_cast<unsigned char>(c)] = true;
  return table;
}();

bool is_token(std::string_view name) {
  if (name.empty()) return false;
  for (char c : name) {
    if (!kTokenChars[static_cast<unsigned char>(c)]) return false;
  }
  return true;
}

bool is_safe_value(std::string_view value) {
  for (char c : value) {
    if (c == '\r' || c == '\n' || c == '\0') return false;
  }
  return true;
}

// Headers the server writes itself. Compared by length first: most names are none of these.
bool is_framing_header(std::string_view name) {
  switch (name.size()) {
    case 4:
      return iequals(name, "date");
    case 10:
      return iequals(name, "connection") || iequals(name, "keep-alive");
    case 14:
      return iequals(name, "content-length");
    case 17:
      return iequals(name, "transfer-encoding");
    default:
      return false;
  }
}

// A handler answering HEAD without the body (a proxy passing an upstream's answer on) may state the length a GET
// would carry; it is used when it is a plain number.
std::string_view declared_length(const Headers& headers) {
  const auto value = headers.get("Content-Length");
  if (value.empty() || value.size() > 19) return {};
  for (char c : value) {
    if (c < '0' || c > '9') return {};
  }
  return value;
}

void append_number(std::string& out, std::size_t value) {
  std::array<char, 24> digits;
  const auto [end, ec] = std::to_chars(digits.data(), digits.data() + digits.size(), value);
  out.append(digits.data(), end);
}

}  // namespace

bool response_has_body(int status, bool head_request) {
  return !head_request && status >= 200 && status != 204 && status != 304;
}

void write_response_head(const Response& response, const ResponseFraming& framing, std::string& out) {
  out += framing.version == 10 ? "HTTP/1.0 " : "HTTP/1.1 ";
  append_number(out, static_cast<std::size_t>(response.status));
  out += ' ';
  const auto status = boost::beast::http::int_to_status(static_cast<unsigned>(response.status));
  if (status != boost::beast::http::status::unknown) out += boost::beast::http::obsolete_reason(status);
  out += "\r\n";
  for (const auto& [name, value] : response.headers.entries()) {
    if (is_framing_header(name) || !is_token(name) || !is_safe_value(value)) continue;
    out += name;
    out += ": ";
    out += value;
    out += "\r\n";
  }
  out += "Date: ";
  out += http_date();
  out += "\r\n";
  const bool no_length = response.status < 200 || response.status == 204 || response.status == 304;
  if (!no_length) {
    out += "Content-Length: ";
    const auto declared = framing.head_request && response.body.empty() ? declared_length(response.headers) : "";
    if (declared.empty()) {
      append_number(out, response.body.size());
    } else {
      out += declared;
    }
    out += "\r\n";
  }
  if (!framing.keep_alive && framing.version >= 11) out += "Connection: close\r\n";
  if (framing.keep_alive && framing.version == 10) out += "Connection: keep-alive\r\n";
  out += "\r\n";
}

}  // namespace dt::http::detail
