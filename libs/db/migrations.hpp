#pragma once
// migrate(db, schema, dir): brings <schema> up to date with the SQL files in dir, once, at service start-up.
//
// Files are named NNNN_description.sql (0001_create_question.sql, 0002_...), versions 1, 2, 3... without gaps.
// Each pending file runs in its own transaction together with its row in <schema>.schema_migrations
// (version, name, sha256 checksum, applied_at), so a file is either fully applied and recorded or not at all.
// Files must therefore not contain BEGIN/COMMIT or statements that refuse transactions (CREATE INDEX
// CONCURRENTLY). Statements are not subject to query_timeout: a migration may legitimately take long.
//
// Everything happens on one connection holding pg_advisory_lock(key derived from the schema name), so
// instances starting together apply each file exactly once: the others wait, then find nothing to do.
// A file changed after it was applied is refused (write a new migration instead). Versions recorded in the
// database but absent from dir (written by a newer release) are left alone.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "async/awaitable.hpp"
#include "db/database.hpp"
#include "db/error.hpp"

namespace dt::db {

struct MigrationReport {
  std::vector<std::string> applied{};  // file names applied by this call, in order
  std::size_t already_applied = 0;     // files found applied before (checksums verified)
  std::int64_t version = 0;            // highest version recorded in <schema>.schema_migrations afterwards
};

// Bad file names, version gaps or duplicates, a changed file, or a failing file (message names the file; a
// failing statement's SQLSTATE is kept).
class MigrationError : public Error {
 public:
  explicit MigrationError(const std::string& message, std::string sqlstate = {})
      : Error(std::move(sqlstate), message) {}
};

// schema: lower-case SQL identifier ([a-z_][a-z0-9_]*), created when missing.
Awaitable<MigrationReport> migrate(Database& db, std::string schema, std::filesystem::path dir);

}  // namespace dt::db
