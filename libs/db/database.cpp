#include "db/database.hpp"

#include "db/database_impl.hpp"

namespace dt::db {

Database::Database(Executor executor, PoolOptions options)
    : impl_(std::make_unique<detail::DatabaseImpl>(std::move(executor), std::move(options))) {}

Database::Database(Database&&) noexcept = default;
Database& Database::operator=(Database&&) noexcept = default;
Database::~Database() = default;

Awaitable<Result> Database::query(std::string_view sql, Params params) { co_return co_await impl_->query(sql, params); }

Awaitable<Transaction> Database::begin() { return Transaction::begin(*impl_); }

Awaitable<bool> Database::ping() {
  bool ok = true;
  try {
    co_await impl_->query("SELECT 1", Params{});
  } catch (const Error&) {
    ok = false;
  }
  co_return ok;
}

const PoolOptions& Database::options() const { return impl_->options(); }

}  // namespace dt::db
