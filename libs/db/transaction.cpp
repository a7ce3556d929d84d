#include "db/transaction.hpp"

#include <stdexcept>

#include "db/database_impl.hpp"

namespace dt::db {

struct Transaction::State {
  State(detail::DatabaseImpl& database, Lease connection) : db(database), lease(std::move(connection)) {}

  detail::DatabaseImpl& db;
  Lease lease;
  bool open = true;  // BEGIN done, no COMMIT/ROLLBACK yet, connection not dropped
};

Transaction::Transaction(std::unique_ptr<State> state) : state_(std::move(state)) {}

Transaction::Transaction(Transaction&& other) noexcept = default;

Transaction::~Transaction() {
  if (state_ && state_->open) state_->lease.discard();  // closing the session rolls the transaction back
}

Awaitable<Transaction> Transaction::begin(detail::DatabaseImpl& db) {
  for (int attempt = 1;; ++attempt) {
    Lease lease = co_await db.acquire();
    try {
      co_await db.run(lease, lease->script("BEGIN"));
      co_return Transaction(std::make_unique<State>(db, std::move(lease)));
    } catch (const NotSent&) {
      if (attempt == 2) throw;  // nothing had started yet, so one retry on a fresh connection is safe
    }
  }
}

Awaitable<Result> Transaction::query(std::string_view sql, Params params) {
  if (!state_ || !state_->open) throw std::logic_error("dt::db: query on a finished transaction");
  try {
    co_return co_await state_->db.run(state_->lease, state_->lease->query(sql, params));
  } catch (const Unavailable&) {
    state_->open = false;  // the connection was dropped
    throw;
  } catch (const Error&) {
    throw;  // the server aborted the transaction; the connection is fine
  } catch (...) {
    state_->open = false;
    throw;
  }
}

Awaitable<void> Transaction::commit() {
  if (!state_ || !state_->open) throw std::logic_error("dt::db: commit of a finished transaction");
  state_->open = false;  // whatever COMMIT answers, the transaction is over
  const Result result = co_await state_->db.run(state_->lease, state_->lease->script("COMMIT"));
  // COMMIT of a transaction in which a statement failed answers ROLLBACK instead of an error.
  if (result.command() == "ROLLBACK") {
    throw Error("25P02", "transaction rolled back instead of committed: a statement in it had failed");
  }
}

Awaitable<void> Transaction::rollback() {
  if (!state_ || !state_->open) co_return;
  state_->open = false;
  try {
    co_await state_->db.run(state_->lease, state_->lease->script("ROLLBACK"));
  } catch (const Unavailable&) {
    throw;  // already dropped
  } catch (const Error&) {
    state_->lease.discard();  // state unknown: do not reuse
    throw;
  }
}

}  // namespace dt::db
