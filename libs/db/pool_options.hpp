#pragma once
// PoolOptions: how a Database connects, from the service configuration.
#include <chrono>
#include <cstddef>
#include <string>

namespace dt::db {

struct PoolOptions {
  // libpq URI, e.g. "postgresql://user:pass@127.0.0.1:25432/drivetest" (any libpq URI parameter is accepted).
  std::string url{};
  // Upper bound on open connections; the (max_connections + 1)th concurrent user waits for a free one.
  std::size_t max_connections = 8;
  std::chrono::milliseconds connect_timeout{3000};
  // Per statement; a statement running longer is cancelled on the server and its connection dropped.
  std::chrono::milliseconds query_timeout{5000};
  // How long to wait for a free connection when all max_connections are in use.
  std::chrono::milliseconds acquire_timeout{2000};
  // Shown in pg_stat_activity; empty keeps libpq's default.
  std::string application_name{};
};

}  // namespace dt::db
