#pragma once
// Database: a pool of PostgreSQL connections for coroutine services. Thread-safe: one Database is shared by
// all threads running the io_context; each statement borrows a connection for its duration.
//
//   dt::db::Database db(io.get_executor(), {.url = config.pg_url});
//   auto rows = co_await db.query("SELECT id, name FROM exam.question WHERE topic = $1", topic);
//   co_await db.transaction([&](dt::db::Transaction& tx) -> dt::Awaitable<void> {
//     co_await tx.query("INSERT INTO exam.attempt (user_id) VALUES ($1)", user_id);
//   });
//
// Values are only ever passed as parameters ($1, $2...), never spliced into the SQL text.
// Failures: Error (SQL error, the connection is kept), Unavailable (unreachable, timed out, connection lost;
// the connection is dropped and the next call opens a fresh one). A statement whose connection turned out to
// be broken before the statement was sent is retried once on a new connection; nothing else is retried.
// The Database must outlive every operation started on it.
//
// GCC 12 (our compiler) miscompiles two things inside a co_await expression: a braced list (does not compile:
// "array used as initializer") and a brace-initialized aggregate temporary (destroyed twice at run time).
// Pass values as separate arguments, as above, and build anything braced in a named variable first.
#include <concepts>
#include <exception>
#include <memory>
#include <string_view>
#include <type_traits>
#include <utility>

#include "async/awaitable.hpp"
#include "db/error.hpp"
#include "db/param.hpp"
#include "db/pool_options.hpp"
#include "db/result.hpp"
#include "db/transaction.hpp"

namespace dt::db {

namespace detail {
class DatabaseImpl;
struct DatabaseAccess;
}  // namespace detail

class Database {
 public:
  // Connections are opened lazily, on first use, up to options.max_connections.
  Database(Executor executor, PoolOptions options);
  Database(Database&&) noexcept;
  Database& operator=(Database&&) noexcept;
  ~Database();

  // One statement (SELECT, INSERT ... RETURNING, UPDATE...) outside any transaction, values for $1, $2...
  // given one by one: co_await db.query("... WHERE id = $1 AND name = $2", id, name).
  // (Not as a braced list inside co_await: GCC 12 miscompiles that; build a Params variable instead.)
  template <class... Args>
  requires(std::convertible_to<const Args&, Param>&&...) Awaitable<Result> query(std::string_view sql,
                                                                                 const Args&... args) {
    return query(sql, Params{Param(args)...});
  }
  // The same with a list built at run time (e.g. optional filters).
  Awaitable<Result> query(std::string_view sql, Params params);

  // Runs body(Transaction&) -> Awaitable<T> inside BEGIN ... COMMIT and returns its value. When body throws,
  // the transaction is rolled back and the exception rethrown. Never retried (see Transaction).
  // body is taken by value, so a lambda's captures stay alive for the whole transaction.
  template <class F>
  std::invoke_result_t<F&, Transaction&> transaction(F body);

  // A transaction driven by hand: call commit(); rolled back when destroyed without it.
  Awaitable<Transaction> begin();

  // Readiness check: true when a statement round trip to the server succeeds.
  Awaitable<bool> ping();

  const PoolOptions& options() const;

 private:
  friend struct detail::DatabaseAccess;
  std::unique_ptr<detail::DatabaseImpl> impl_;
};

template <class F>
std::invoke_result_t<F&, Transaction&> Database::transaction(F body) {
  using Value = typename std::invoke_result_t<F&, Transaction&>::value_type;
  Transaction tx = co_await begin();
  std::exception_ptr failure;
  try {
    if constexpr (std::is_void_v<Value>) {
      co_await body(tx);
      co_await tx.commit();
      co_return;
    } else {
      Value value = co_await body(tx);
      co_await tx.commit();
      co_return std::move(value);
    }
  } catch (...) {
    failure = std::current_exception();
  }
  try {
    co_await tx.rollback();
  } catch (...) {
    // body's exception is the one that matters; a failed rollback has already dropped the connection
  }
  std::rethrow_exception(failure);
}

}  // namespace dt::db
