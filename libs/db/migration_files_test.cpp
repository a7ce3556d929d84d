// Reading a migrations directory (no database needed).
#include "db/migration_files.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>

#include "db/migrations.hpp"

namespace {

namespace fs = std::filesystem;
using dt::db::load_migration_files;
using dt::db::MigrationError;

class MigrationFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("dt_db_files_" + std::to_string(::getpid()) + "_" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  void write(const std::string& name, const std::string& sql) { std::ofstream(dir_ / name) << sql; }

  fs::path dir_;
};

// What `what()` says when load_migration_files throws, or "" when it does not.
std::string error_of(const fs::path& dir) {
  try {
    load_migration_files(dir);
  } catch (const MigrationError& e) {
    return e.what();
  }
  return "";
}

TEST_F(MigrationFilesTest, SortsByVersionNumberNotByName) {
  for (int v = 1; v <= 10; ++v) write(std::to_string(v) + "_step.sql", "SELECT " + std::to_string(v));
  write("README.md", "not a migration");
  const auto files = load_migration_files(dir_);
  ASSERT_EQ(files.size(), 10u);
  for (std::size_t i = 0; i < files.size(); ++i) EXPECT_EQ(files[i].version, static_cast<std::int64_t>(i + 1));
  EXPECT_EQ(files[9].name, "10_step.sql");
  EXPECT_EQ(files[9].sql, "SELECT 10");
}

TEST_F(MigrationFilesTest, ChecksumIsTheSha256OfTheContents) {
  write("0001_abc.sql", "abc");
  EXPECT_EQ(load_migration_files(dir_)[0].checksum, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST_F(MigrationFilesTest, AGapIsAnError) {
  write("0001_a.sql", "");
  write("0003_c.sql", "");
  EXPECT_NE(error_of(dir_).find("version 2 is missing"), std::string::npos) << error_of(dir_);
}

TEST_F(MigrationFilesTest, ADuplicateVersionIsAnError) {
  write("0001_a.sql", "");
  write("0002_b.sql", "");
  write("2_b_again.sql", "");
  const std::string error = error_of(dir_);
  EXPECT_NE(error.find("same version"), std::string::npos) << error;
  EXPECT_NE(error.find("2_b_again.sql"), std::string::npos) << error;
}

TEST_F(MigrationFilesTest, ABadlyNamedSqlFileIsAnError) {
  write("0001_a.sql", "");
  write("add_column.sql", "");
  EXPECT_NE(error_of(dir_).find("add_column.sql"), std::string::npos);
}

TEST_F(MigrationFilesTest, AMissingDirectoryIsAnError) {
  EXPECT_NE(error_of(dir_ / "nope").find("does not exist"), std::string::npos);
}

TEST_F(MigrationFilesTest, AnEmptyDirectoryHasNoMigrations) { EXPECT_TRUE(load_migration_files(dir_).empty()); }

}  // namespace
