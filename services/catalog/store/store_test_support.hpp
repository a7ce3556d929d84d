#pragma once
// Test support for catalog_store: StoreTest gives each test the real PostgreSQL (DT_PG_URL; failing, not
// skipping, when unset), a freshly migrated schema of its own ("catalog_test_<pid>_<n>_<random>", dropped
// afterwards) and run(), which drives a coroutine body(store, db) on an io_context run by two threads.
// Coroutine bodies use EXPECT_* (ASSERT_* returns, which a coroutine can not); a fatal condition throws.
#include <gtest/gtest.h>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>

#include <exception>
#include <string>
#include <thread>
#include <vector>

#include "async/test_support/run_blocking.hpp"
#include "catalog/domain/blueprint.hpp"
#include "catalog/domain/question.hpp"
#include "catalog/io/bank_document.hpp"
#include "catalog/store/catalog_store.hpp"
#include "db/database.hpp"

namespace dt::catalog::store::testing {

class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override;
  void TearDown() override;

  db::PoolOptions options() const;

  // Runs body() to completion on io_ with two threads and rethrows what it threw.
  template <class F>
  void run_raw(F body) {
    async::testing::run_blocking(io_, std::move(body), 2);
  }

  // body(CatalogStore&, db::Database&) -> Awaitable<void>, with a fresh pool on this test's schema.
  template <class F>
  void run(F body) {
    run_raw([&]() -> Awaitable<void> {
      db::Database db(io_.get_executor(), options());
      CatalogStore store(db, schema_);
      co_await body(store, db);
    });
  }

  boost::asio::io_context io_;
  std::string url_;
  std::string schema_;
};

// Fails the test with `message` (by throwing) when `condition` is false: ASSERT_TRUE for coroutines.
void require(bool condition, const std::string& message);

TimePoint instant(const char* rfc3339);

// A published choice question with three options (the first correct), texts in Vietnamese and English.
Question choice_question(const std::string& external_id, const std::string& jurisdiction, const std::string& topic,
                         const std::string& vi, const std::string& en);

// Vietnam (topics vn.1, vn.5; class B) and the UK (topic uk.signs; class B too): six Vietnamese questions with
// diacritics ("Biển báo", "Đường") and two English ones, one blueprint per jurisdiction.
io::BankDocument sample_bank();
Blueprint vn_blueprint();  // vn-2025-B v1: one question of vn.1 and one of vn.5, 60 s, pass mark 2
Blueprint uk_blueprint();  // uk-car v1: one question of uk.signs

// An exam of `blueprint` over `content` (in exam order) started at `started`, options unshuffled.
StoredExam make_exam(const Blueprint& blueprint, const std::vector<Question>& content, TimePoint started,
                     std::optional<std::string> user_id);

}  // namespace dt::catalog::store::testing
