#include "db/migration_files.hpp"

#include <algorithm>
#include <charconv>
#include <fstream>
#include <sstream>

#include "db/migrations.hpp"
#include "digest/digest.hpp"

namespace dt::db {
namespace {

// "0007_add_index.sql" -> 7; 0 when the name does not have the NNNN_description.sql shape.
std::int64_t version_of(const std::string& name) {
  const auto underscore = name.find('_');
  if (underscore == std::string::npos || underscore == 0) return 0;
  if (name.size() <= underscore + 1 + 4) return 0;  // needs a description before ".sql"
  std::int64_t version = 0;
  const auto [end, ec] = std::from_chars(name.data(), name.data() + underscore, version);
  if (ec != std::errc{} || end != name.data() + underscore) return 0;
  return version;
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw MigrationError("cannot read migration " + path.string());
  std::ostringstream contents;
  contents << in.rdbuf();
  return contents.str();
}

}  // namespace

std::vector<MigrationFile> load_migration_files(const std::filesystem::path& dir) {
  std::error_code error;
  if (!std::filesystem::is_directory(dir, error)) {
    throw MigrationError("migrations directory " + dir.string() + " does not exist");
  }
  std::vector<MigrationFile> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (!entry.is_regular_file() || entry.path().extension() != ".sql") continue;
    MigrationFile file;
    file.name = entry.path().filename().string();
    file.version = version_of(file.name);
    if (file.version <= 0) {
      throw MigrationError("migration file " + file.name + " must be named NNNN_description.sql (NNNN >= 1)");
    }
    file.sql = read_file(entry.path());
    file.checksum = digest::sha256_hex(file.sql);
    files.push_back(std::move(file));
  }
  std::sort(files.begin(), files.end(), [](const auto& a, const auto& b) {
    return a.version != b.version ? a.version < b.version : a.name < b.name;
  });
  for (std::size_t i = 0; i < files.size(); ++i) {
    const auto expected = static_cast<std::int64_t>(i + 1);
    if (i > 0 && files[i].version == files[i - 1].version) {
      throw MigrationError("migrations " + files[i - 1].name + " and " + files[i].name + " have the same version");
    }
    if (files[i].version != expected) {
      throw MigrationError("migration version " + std::to_string(expected) + " is missing (next file is " +
                           files[i].name + ")");
    }
  }
  return files;
}

}  // namespace dt::db
