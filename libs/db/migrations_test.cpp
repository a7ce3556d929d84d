// migrate(): order, idempotence, checksums, failures, and two instances starting at once.
#include "db/migrations.hpp"

#include <boost/asio/experimental/awaitable_operators.hpp>

#include <fstream>

#include "db/db_test_support.hpp"

namespace {

namespace fs = std::filesystem;
using dt::Awaitable;
using dt::db::Database;
using dt::db::migrate;
using dt::db::MigrationError;
using dt::db::MigrationReport;
using dt::db::Result;
using dt::db::testing::expect_throw;
using namespace boost::asio::experimental::awaitable_operators;

// Named here: GCC 12 can not compile a braced list inside a co_await expression.
const std::vector<std::int32_t> kOneToThree{1, 2, 3};
const std::vector<std::int32_t> kOneToFour{1, 2, 3, 4};
const std::vector<std::string> kThreeFiles{"0001_create.sql", "0002_seed.sql", "0003_text.sql"};

class MigrationsTest : public dt::db::testing::DbTest {
 protected:
  void SetUp() override {
    DbTest::SetUp();
    dir_ = fs::temp_directory_path() / ("dt_db_" + schema_);
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override {
    fs::remove_all(dir_);
    DbTest::TearDown();
  }
  void write(const std::string& name, const std::string& sql) { std::ofstream(dir_ / name) << sql; }

  // Three files; each logs its version so a test can see how often it ran.
  void write_three() {
    write("0001_create.sql", "CREATE TABLE " + table("log") + " (version int);\n" +  //
                                 "CREATE TABLE " + table("question") + " (id int PRIMARY KEY);\n" + "INSERT INTO " +
                                 table("log") + " VALUES (1);");
    write("0002_seed.sql", "INSERT INTO " + table("question") + " VALUES (1), (2);\n" +  //
                               "INSERT INTO " + table("log") + " VALUES (2);");
    write("0003_text.sql", "ALTER TABLE " + table("question") + " ADD COLUMN text text NOT NULL DEFAULT 'Biển báo';\n" +
                               "SELECT pg_sleep(0.2);\nINSERT INTO " + table("log") + " VALUES (3);");
  }

  Awaitable<std::vector<std::int32_t>> log(Database& db) {
    std::vector<std::int32_t> versions;
    for (const auto& row : co_await db.query("SELECT version FROM " + table("log") + " ORDER BY version")) {
      versions.push_back(row.get<std::int32_t>(0));
    }
    co_return versions;
  }

  fs::path dir_;
};

TEST_F(MigrationsTest, AppliesFilesInOrderAndRecordsThem) {
  write_three();
  run([&]() -> Awaitable<void> {
    Database db(io_.get_executor(), options());
    const MigrationReport report = co_await migrate(db, schema_, dir_);
    EXPECT_EQ(report.applied, kThreeFiles);
    EXPECT_EQ(report.already_applied, 0u);
    EXPECT_EQ(report.version, 3);
    EXPECT_EQ(co_await log(db), kOneToThree);
    const Result recorded = co_await db.query("SELECT version, name, checksum, applied_at IS NOT NULL AS dated FROM " +
                                              table("schema_migrations") + " ORDER BY version");
    EXPECT_EQ(recorded.size(), 3u);
    EXPECT_EQ(recorded[1].get<std::int64_t>("version"), 2);
    EXPECT_EQ(recorded[1].get<std::string>("name"), "0002_seed.sql");
    EXPECT_EQ(recorded[1].get<std::string>("checksum").size(), 64u);
    EXPECT_TRUE(recorded[1].get<bool>("dated"));
  });
}

TEST_F(MigrationsTest, ASecondRunChangesNothing) {
  write_three();
  run([&]() -> Awaitable<void> {
    Database db(io_.get_executor(), options());
    co_await migrate(db, schema_, dir_);
    const MigrationReport again = co_await migrate(db, schema_, dir_);
    EXPECT_TRUE(again.applied.empty());
    EXPECT_EQ(again.already_applied, 3u);
    EXPECT_EQ(again.version, 3);
    EXPECT_EQ(co_await log(db), kOneToThree);

    write("0004_more.sql", "INSERT INTO " + table("log") + " VALUES (4);");
    const MigrationReport more = co_await migrate(db, schema_, dir_);
    EXPECT_EQ(more.applied, std::vector<std::string>(1, "0004_more.sql"));
    EXPECT_EQ(co_await log(db), kOneToFour);
  });
}

TEST_F(MigrationsTest, AChangedFileIsRefused) {
  write_three();
  run([&]() -> Awaitable<void> {
    Database db(io_.get_executor(), options());
    co_await migrate(db, schema_, dir_);
    write("0002_seed.sql", "INSERT INTO " + table("question") + " VALUES (3);");
    const auto error = co_await expect_throw<MigrationError>(migrate(db, schema_, dir_));
    EXPECT_NE(std::string(error.what()).find("0002_seed.sql"), std::string::npos) << error.what();
    EXPECT_TRUE(co_await db.ping());  // the advisory lock went with the dropped connection
    write_three();
    co_await migrate(db, schema_, dir_);  // and another run is not blocked by it
  });
}

TEST_F(MigrationsTest, AFailingFileIsRolledBackAndNamed) {
  write("0001_ok.sql", "CREATE TABLE " + table("log") + " (version int); INSERT INTO " + table("log") + " VALUES (1);");
  write("0002_bad.sql", "CREATE TABLE " + table("half") + " (id int); INSERT INTO " + table("nope") + " VALUES (1);");
  run([&]() -> Awaitable<void> {
    Database db(io_.get_executor(), options());
    const auto error = co_await expect_throw<MigrationError>(migrate(db, schema_, dir_));
    EXPECT_NE(std::string(error.what()).find("0002_bad.sql"), std::string::npos) << error.what();
    EXPECT_EQ(error.sqlstate(), "42P01");  // undefined_table
    const Result half = co_await db.query("SELECT to_regclass($1) IS NULL AS gone", table("half"));
    EXPECT_TRUE(half[0].get<bool>("gone"));
    const Result recorded = co_await db.query("SELECT max(version) FROM " + table("schema_migrations"));
    EXPECT_EQ(recorded[0].get<std::int64_t>(0), 1);

    write("0002_bad.sql", "INSERT INTO " + table("log") + " VALUES (2);");  // fixed before it was ever applied
    const MigrationReport fixed = co_await migrate(db, schema_, dir_);
    EXPECT_EQ(fixed.applied, std::vector<std::string>(1, "0002_bad.sql"));
  });
}

TEST_F(MigrationsTest, CreatesTheSchemaWhenMissing) {
  write("0001_one.sql", "CREATE TABLE " + table("t") + " (id int);");
  run([&]() -> Awaitable<void> {
    Database db(io_.get_executor(), options());
    co_await db.query("DROP SCHEMA " + schema_);
    const MigrationReport report = co_await migrate(db, schema_, dir_);
    EXPECT_EQ(report.applied.size(), 1u);
  });
}

TEST_F(MigrationsTest, ABadSchemaNameIsRefused) {
  run([&]() -> Awaitable<void> {
    Database db(io_.get_executor(), options());
    co_await expect_throw<MigrationError>(migrate(db, "x; DROP SCHEMA public", dir_));
    co_await expect_throw<MigrationError>(migrate(db, "Upper", dir_));
  });
}

TEST_F(MigrationsTest, TwoInstancesStartingTogetherApplyEachFileOnce) {
  write_three();
  run([&]() -> Awaitable<void> {
    Database first(io_.get_executor(), options());
    Database second(io_.get_executor(), options());
    const auto [a, b] = co_await (migrate(first, schema_, dir_) && migrate(second, schema_, dir_));
    EXPECT_EQ(a.applied.size() + b.applied.size(), 3u);
    EXPECT_EQ(a.already_applied + b.already_applied, 3u);
    EXPECT_EQ(co_await log(first), kOneToThree);
    const Result recorded = co_await first.query("SELECT count(*) FROM " + table("schema_migrations"));
    EXPECT_EQ(recorded[0].get<std::int64_t>(0), 3);
  });
}

}  // namespace
