#pragma once
// RedisOptions: how dt::cache::Redis connects. Only url is required; the defaults suit a service next to Redis.
#include <chrono>
#include <cstddef>
#include <string>

namespace dt::cache {

struct RedisOptions {
  std::string url;  // redis://:password@127.0.0.1:26379/0, see RedisUrl
  std::size_t max_connections = 8;
  std::chrono::milliseconds connect_timeout{1000};  // TCP connect + AUTH + SELECT
  std::chrono::milliseconds command_timeout{1000};  // write of a command (or pipeline) + read of all its replies
  std::chrono::milliseconds acquire_timeout{1000};  // waiting for a free connection when all are in use
};

}  // namespace dt::cache
