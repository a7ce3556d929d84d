#pragma once
// Connection (internal): one libpq connection in non-blocking mode, its socket watched by Asio, so waiting for
// PostgreSQL never blocks a thread. Used by one coroutine at a time (the pool lease guarantees it). It applies
// no timeouts itself: Database wraps calls in with_timeout and drops the connection when one fires.
//
// Statements with parameters are prepared once per connection and then executed by name (the cache is keyed
// by SQL text and parameter types), which saves the server parsing and planning them on every call.
#include <libpq-fe.h>

#include <boost/asio/posix/stream_descriptor.hpp>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

#include "async/awaitable.hpp"
#include "db/error.hpp"
#include "db/param.hpp"
#include "db/pool_options.hpp"
#include "db/result.hpp"

namespace dt::db {

// The connection broke before the statement reached the server, so nothing of it ran: safe to retry once
// on another connection (outside a transaction).
class NotSent : public Unavailable {
 public:
  using Unavailable::Unavailable;
};

class Connection {
 public:
  // Connects asynchronously; throws Unavailable when the server refuses or the URL is wrong.
  static Awaitable<std::unique_ptr<Connection>> open(Executor executor, const PoolOptions& options);

  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;
  ~Connection();

  // One statement with $n parameters, prepared and cached. Throws Error (connection still usable),
  // NotSent or Unavailable (connection broken).
  Awaitable<Result> query(std::string_view sql, const Params& params);
  // SQL text without parameters, possibly several statements (migration files, BEGIN/COMMIT). Returns the
  // result of the last statement.
  Awaitable<Result> script(std::string_view sql);

  // Cheap check before reuse, without a round trip: false when the server closed the connection while it was
  // idle in the pool (e.g. PostgreSQL restarted) or when it is not idle.
  bool alive();
  // Asks the server to stop the running statement. Runs on a short-lived thread because libpq's PQcancel
  // blocks; the connection itself must be discarded afterwards.
  void cancel_in_background();

 private:
  Connection(Executor executor, PGconn* pg);

  // Re-registers libpq's current socket with Asio (it changes while connecting to another address).
  void watch_socket();
  Awaitable<void> flush();
  // Waits for and collects all results of the statement sent; `sent` says whether it reached the server.
  Awaitable<Result> collect(bool sent);
  [[noreturn]] void throw_lost(bool sent) const;
  std::string error_message() const;

  PGconn* pg_;
  boost::asio::posix::stream_descriptor socket_;
  std::unordered_map<std::string, std::string> statements_;  // cache key -> prepared statement name
  std::uint64_t next_statement_ = 0;
};

}  // namespace dt::db
