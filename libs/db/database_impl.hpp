#pragma once
// DatabaseImpl (internal): what Database, Transaction and migrate() share: the connection pool, health-checked
// acquisition, and running one statement under the query timeout with the clean-up rules:
//   timeout          -> cancel the statement on the server, drop the connection, throw Unavailable
//   connection lost  -> drop the connection, throw Unavailable (NotSent when the statement never left)
//   SQL error        -> keep the connection, throw Error
#include <string_view>

#include "async/async_pool.hpp"
#include "db/connection.hpp"
#include "db/database.hpp"

namespace dt::db {

using ConnectionPool = async::AsyncPool<Connection>;
using Lease = ConnectionPool::Lease;

namespace detail {

class DatabaseImpl {
 public:
  DatabaseImpl(Executor executor, PoolOptions options);

  const PoolOptions& options() const { return options_; }
  // A connection that looks healthy; idle ones the server closed meanwhile are dropped and replaced.
  Awaitable<Lease> acquire();
  // Awaits `statement` (started on lease) under the query timeout, applying the clean-up rules above.
  Awaitable<Result> run(Lease& lease, Awaitable<Result> statement);
  // acquire + run, retried once on a fresh connection when the statement never reached the server.
  Awaitable<Result> query(std::string_view sql, const Params& params);

 private:
  Awaitable<std::unique_ptr<Connection>> connect();
  Awaitable<Lease> acquire_any();

  Executor executor_;
  PoolOptions options_;
  ConnectionPool pool_;
};

// Lets migrate() reach the pool without making it part of Database's public API.
struct DatabaseAccess {
  static DatabaseImpl& impl(Database& db) { return *db.impl_; }
};

}  // namespace detail
}  // namespace dt::db
