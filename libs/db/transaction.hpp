#pragma once
// Transaction: statements on one pooled connection between BEGIN and COMMIT/ROLLBACK. Usually obtained
// through Database::transaction(body), which commits and rolls back for you; Database::begin() gives one to
// drive by hand. A Transaction destroyed while still open closes its connection, so the server rolls it back.
// Nothing in a transaction is ever retried: after Unavailable (connection lost, timeout) the transaction is
// over and its outcome is whatever the server decided (rolled back unless COMMIT had been received).
#include <concepts>
#include <memory>
#include <string_view>

#include "async/awaitable.hpp"
#include "db/param.hpp"
#include "db/result.hpp"

namespace dt::db {

namespace detail {
class DatabaseImpl;
}

class Transaction {
 public:
  Transaction(Transaction&& other) noexcept;
  Transaction& operator=(Transaction&&) = delete;
  ~Transaction();

  // Throws Error (SQL error: the server aborts the transaction, only rollback() remains), Unavailable
  // (the transaction is over), std::logic_error after commit/rollback.
  // Values for $1, $2... one by one, as in Database::query.
  template <class... Args>
  requires(std::convertible_to<const Args&, Param>&&...) Awaitable<Result> query(std::string_view sql,
                                                                                 const Args&... args) {
    return query(sql, Params{Param(args)...});
  }
  Awaitable<Result> query(std::string_view sql, Params params);
  // Throws Error when the server refused to commit (e.g. serialization failure, or a statement had failed).
  Awaitable<void> commit();
  // Does nothing when the transaction is already over.
  Awaitable<void> rollback();

 private:
  friend class Database;
  struct State;
  explicit Transaction(std::unique_ptr<State> state);
  static Awaitable<Transaction> begin(detail::DatabaseImpl& db);

  std::unique_ptr<State> state_;
};

}  // namespace dt::db
