#pragma once
// HttpUrl: an absolute http:// URL split into what HttpClient needs:
//   "http://127.0.0.1:8081/api/exams?page=2" -> host "127.0.0.1", port 8081, target "/api/exams?page=2".
// https is refused for now (no TLS yet); user info is refused so that credentials never sit in a URL.
#include <cstdint>
#include <string>
#include <string_view>

namespace dt::http {

struct HttpUrl {
  std::string host;  // a name or an IP address, IPv6 without brackets
  std::uint16_t port = 80;
  std::string target = "/";  // path and query as given (percent-encoded); the fragment is dropped

  // Throws std::invalid_argument naming what is wrong with url.
  static HttpUrl parse(std::string_view url);
};

}  // namespace dt::http
