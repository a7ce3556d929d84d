#include "db/database_impl.hpp"

#include <stdexcept>
#include <string>

#include "async/timeout.hpp"

namespace dt::db::detail {
namespace {

std::string in_ms(std::chrono::milliseconds duration) { return std::to_string(duration.count()) + " ms"; }

ConnectionPool::Options pool_options(const PoolOptions& options) {
  if (options.max_connections == 0) throw std::invalid_argument("dt::db: max_connections must be at least 1");
  return {.max_size = options.max_connections, .acquire_timeout = options.acquire_timeout, .name = "PostgreSQL pool"};
}

}  // namespace

DatabaseImpl::DatabaseImpl(Executor executor, PoolOptions options)
    : executor_(std::move(executor)),
      options_(std::move(options)),
      pool_(executor_, pool_options(options_), [this] { return connect(); }) {}

Awaitable<std::unique_ptr<Connection>> DatabaseImpl::connect() {
  try {
    co_return co_await async::with_timeout(Connection::open(executor_, options_), options_.connect_timeout,
                                           "PostgreSQL connect");
  } catch (const async::TimeoutError& e) {
    throw Unavailable(std::string(e.what()) + " after " + in_ms(options_.connect_timeout));
  } catch (const boost::system::system_error& e) {
    throw Unavailable(std::string("cannot connect to PostgreSQL: ") + e.what());
  }
}

Awaitable<Lease> DatabaseImpl::acquire_any() {
  try {
    co_return co_await pool_.acquire();
  } catch (const async::PoolExhausted& e) {
    throw Unavailable(std::string(e.what()) + " after " + in_ms(options_.acquire_timeout));
  }
}

Awaitable<Lease> DatabaseImpl::acquire() {
  for (int attempt = 1;; ++attempt) {
    Lease lease = co_await acquire_any();
    if (lease->alive()) co_return std::move(lease);
    lease.discard();
    // One idle connection was closed by the server: the others most likely were too (restart). Drop them all
    // so the next try opens a fresh one.
    pool_.clear_idle();
    if (attempt == 3) throw Unavailable("PostgreSQL: no healthy connection");
  }
}

Awaitable<Result> DatabaseImpl::run(Lease& lease, Awaitable<Result> statement) {
  try {
    co_return co_await async::with_timeout(std::move(statement), options_.query_timeout, "PostgreSQL query");
  } catch (const async::TimeoutError& e) {
    lease->cancel_in_background();
    lease.discard();
    throw Unavailable(std::string(e.what()) + " after " + in_ms(options_.query_timeout));
  } catch (const Unavailable&) {
    lease.discard();
    throw;
  } catch (const Error&) {
    throw;  // the statement failed; the connection is fine
  } catch (...) {
    // Anything else (the caller was cancelled mid-statement, a bug) leaves the connection in an unknown state.
    lease->cancel_in_background();
    lease.discard();
    throw;
  }
}

Awaitable<Result> DatabaseImpl::query(std::string_view sql, const Params& params) {
  for (int attempt = 1;; ++attempt) {
    Lease lease = co_await acquire();
    try {
      co_return co_await run(lease, lease->query(sql, params));
    } catch (const NotSent&) {
      if (attempt == 2) throw;  // once only; run() dropped the broken connection
    }
  }
}

}  // namespace dt::db::detail
