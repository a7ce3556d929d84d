#pragma once
// RedisUrl: where and how to connect, parsed from redis://[[user]:password@]host[:port][/db].
// Example: redis://:secret@127.0.0.1:26379/0. User and password may be percent-encoded.
#include <cstdint>
#include <string>
#include <string_view>

namespace dt::cache {

struct RedisUrl {
  std::string host;
  std::uint16_t port = 6379;
  std::string username;  // empty: AUTH <password> as the default user (Redis < 6 style)
  std::string password;  // empty: no AUTH
  int db = 0;            // SELECT db when not 0

  // Throws std::invalid_argument naming what is wrong; the message never contains the password.
  static RedisUrl parse(std::string_view url);

  // "host:port" for log and error messages (never the password).
  std::string endpoint() const;
};

}  // namespace dt::cache
