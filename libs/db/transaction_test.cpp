// Transactions: commit, rollback on exception, failed statements, manual begin/commit.
#include <stdexcept>

#include "db/db_test_support.hpp"

namespace {

using dt::Awaitable;
using dt::db::Database;
using dt::db::Result;
using dt::db::Transaction;
using dt::db::testing::expect_throw;

class TransactionTest : public dt::db::testing::DbTest {
 protected:
  Awaitable<void> create_accounts(Database& db) {
    co_await db.query("CREATE TABLE " + table("account") + " (id int PRIMARY KEY, balance int NOT NULL)");
    co_await db.query("INSERT INTO " + table("account") + " VALUES (1, 100), (2, 0)");
  }
  Awaitable<std::int32_t> balance(Database& db, int id) {
    const Result r = co_await db.query("SELECT balance FROM " + table("account") + " WHERE id = $1", id);
    co_return r[0].get<std::int32_t>(0);
  }
  Awaitable<void> transfer(Transaction& tx, int amount) {
    co_await tx.query("UPDATE " + table("account") + " SET balance = balance - $1 WHERE id = 1", amount);
    co_await tx.query("UPDATE " + table("account") + " SET balance = balance + $1 WHERE id = 2", amount);
  }
};

TEST_F(TransactionTest, CommitsWhenTheBodyReturns) {
  run([&]() -> Awaitable<void> {
    Database db(io_.get_executor(), options());
    co_await create_accounts(db);
    const int moved = co_await db.transaction([&](Transaction& tx) -> Awaitable<int> {
      co_await transfer(tx, 30);
      co_return 30;
    });
    EXPECT_EQ(moved, 30);
    EXPECT_EQ(co_await balance(db, 1), 70);
    EXPECT_EQ(co_await balance(db, 2), 30);
  });
}

TEST_F(TransactionTest, RollsBackAndRethrowsWhenTheBodyThrows) {
  run([&]() -> Awaitable<void> {
    Database db(io_.get_executor(), options());
    co_await create_accounts(db);
    bool rethrown = false;
    try {
      co_await db.transaction([&](Transaction& tx) -> Awaitable<void> {
        co_await transfer(tx, 30);
        throw std::domain_error("insufficient funds");
      });
    } catch (const std::domain_error&) {
      rethrown = true;
    }
    EXPECT_TRUE(rethrown);
    EXPECT_EQ(co_await balance(db, 1), 100);
    EXPECT_EQ(co_await balance(db, 2), 0);
  });
}

TEST_F(TransactionTest, AFailedStatementRollsBackAndTheConnectionIsReused) {
  run([&]() -> Awaitable<void> {
    auto opts = options();
    opts.max_connections = 1;
    Database db(io_.get_executor(), opts);
    co_await create_accounts(db);
    const auto error = co_await expect_throw<dt::db::Error>(db.transaction([&](Transaction& tx) -> Awaitable<void> {
      co_await transfer(tx, 30);
      co_await tx.query("INSERT INTO " + table("account") + " VALUES ($1, $2)", 1, 5);  // duplicate id
    }));
    EXPECT_TRUE(error.is_unique_violation());
    EXPECT_EQ(co_await balance(db, 1), 100);
    const Result state = co_await db.query(
        "SELECT count(*) FROM pg_stat_activity WHERE application_name = $1 "
        "AND state LIKE 'idle in transaction%'",
        schema_);
    EXPECT_EQ(state[0].get<std::int64_t>(0), 0);
  });
}

TEST_F(TransactionTest, CommitAfterASwallowedFailureIsRefused) {
  run([&]() -> Awaitable<void> {
    Database db(io_.get_executor(), options());
    co_await create_accounts(db);
    const auto error = co_await expect_throw<dt::db::Error>(db.transaction([&](Transaction& tx) -> Awaitable<void> {
      co_await transfer(tx, 30);
      try {
        co_await tx.query("SELECT 1/0");
      } catch (const dt::db::Error&) {
        // swallowed: the server has aborted the transaction anyway
      }
    }));
    EXPECT_EQ(error.sqlstate(), "25P02");
    EXPECT_EQ(co_await balance(db, 1), 100);
  });
}

TEST_F(TransactionTest, ByHandCommitsOrRollsBackWhenDropped) {
  run([&]() -> Awaitable<void> {
    Database db(io_.get_executor(), options());
    co_await create_accounts(db);
    {
      Transaction tx = co_await db.begin();
      co_await transfer(tx, 10);
      co_await tx.commit();
      EXPECT_THROW(co_await tx.query("SELECT 1"), std::logic_error);
    }
    {
      Transaction tx = co_await db.begin();
      co_await transfer(tx, 50);
      // uncommitted work is invisible to other connections
      EXPECT_EQ(co_await balance(db, 2), 10);
    }  // dropped without commit
    EXPECT_EQ(co_await balance(db, 1), 90);
    EXPECT_EQ(co_await balance(db, 2), 10);
    {
      Transaction tx = co_await db.begin();
      co_await transfer(tx, 5);
      co_await tx.rollback();
    }
    EXPECT_EQ(co_await balance(db, 2), 10);
  });
}

TEST_F(TransactionTest, AConnectionKilledMidTransactionIsUnavailableAndNotRetried) {
  run([&]() -> Awaitable<void> {
    Database db(io_.get_executor(), options());
    Database admin(io_.get_executor(), options());
    co_await create_accounts(db);
    int attempts = 0;
    co_await expect_throw<dt::db::Unavailable>(db.transaction([&](Transaction& tx) -> Awaitable<void> {
      ++attempts;
      co_await transfer(tx, 30);
      const auto pid = (co_await tx.query("SELECT pg_backend_pid()"))[0].get<std::int32_t>(0);
      co_await admin.query("SELECT pg_terminate_backend($1, 5000)", pid);
      co_await tx.query("SELECT 1");
    }));
    EXPECT_EQ(attempts, 1);
    EXPECT_EQ(co_await balance(db, 1), 100);
  });
}

}  // namespace
