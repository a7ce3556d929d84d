// migrate_store(): rendering the schema name into the files, and applying them once.
#include "catalog/store/store_migrations.hpp"

#include "catalog/store/store_test_support.hpp"

namespace {

using dt::Awaitable;
using dt::catalog::store::CatalogStore;
using dt::catalog::store::is_valid_schema_name;
using dt::catalog::store::migrate_store;
using dt::catalog::store::qualify;
using dt::catalog::store::testing::StoreTest;
namespace db = dt::db;

TEST(QualifyTest, TheCatalogsSqlIsRenamedIntoTheStoresSchema) {
  EXPECT_EQ(qualify("SELECT * FROM catalog.questions", "catalog_test_1"), "SELECT * FROM catalog_test_1.questions");
  EXPECT_FALSE(is_valid_schema_name("catalog; DROP TABLE x"));
  boost::asio::io_context io;
  db::Database db(io.get_executor(), {});  // connects lazily: never here
  EXPECT_THROW(CatalogStore(db, "bad-name"), std::invalid_argument);
}

class StoreMigrationsTest : public StoreTest {};

TEST_F(StoreMigrationsTest, AppliesEachFileOnceAndCreatesTheSchema) {
  run([&](CatalogStore& store, db::Database& db) -> Awaitable<void> {
    const db::MigrationReport again = co_await migrate_store(db, schema_);
    EXPECT_TRUE(again.applied.empty());
    EXPECT_EQ(again.already_applied, 5u);
    EXPECT_EQ(again.version, 5);
    const db::Result tables = co_await db.query(
        "SELECT count(*) FROM information_schema.tables WHERE table_schema = $1 AND table_name = ANY ("
        "'{jurisdictions,topics,licence_classes,questions,question_revisions,blueprints,bank_version,exams,"
        "answer_log,leitner_cards,bookmarks}'::text[])",
        schema_);
    EXPECT_EQ(tables[0].get<std::int64_t>(0), 11);
    EXPECT_EQ(co_await store.bank_version(), 1);
    // The search functions are bound to this schema, not to "catalog".
    const db::Result normalized = co_await db.query("SELECT " + schema_ + ".search_normalize($1)", "Biển Báo ĐƯỜNG");
    EXPECT_EQ(normalized[0].get<std::string>(0), "bien bao duong");
  });
}

}  // namespace
