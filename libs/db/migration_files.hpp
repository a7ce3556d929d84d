#pragma once
// MigrationFile / load_migration_files (internal to migrate(), tested on its own): reads NNNN_description.sql
// files from a directory, in version order, checking that versions run 1, 2, 3... without gaps or duplicates.
// Other file types (README.md) are ignored; a *.sql file not named that way is an error.
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace dt::db {

struct MigrationFile {
  std::int64_t version = 0;
  std::string name{};      // file name, e.g. "0002_add_exam_table.sql"
  std::string sql{};       // file contents
  std::string checksum{};  // SHA-256 of the contents, hex
};

// Throws MigrationError naming the offending file(s).
std::vector<MigrationFile> load_migration_files(const std::filesystem::path& dir);

}  // namespace dt::db
