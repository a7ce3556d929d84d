#include "db/migrations.hpp"

#include <algorithm>
#include <map>

#include "db/database_impl.hpp"
#include "db/migration_files.hpp"
#include "digest/digest.hpp"

namespace dt::db {
namespace {

void check_schema_name(const std::string& schema) {
  const bool valid = !schema.empty() && schema.size() <= 63 && !(schema[0] >= '0' && schema[0] <= '9') &&
                     std::all_of(schema.begin(), schema.end(),
                                 [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; });
  if (!valid) throw MigrationError("schema name '" + schema + "' must match [a-z_][a-z0-9_]* (at most 63 characters)");
}

// The advisory lock key: the first 8 bytes of SHA-256("dt.db.migrate:" + schema), stable across releases.
std::int64_t advisory_lock_key(const std::string& schema) {
  const auto digest = digest::sha256("dt.db.migrate:" + schema);
  std::uint64_t key = 0;
  for (int i = 0; i < 8; ++i) key = (key << 8) | digest[static_cast<std::size_t>(i)];
  return static_cast<std::int64_t>(key);
}

Awaitable<void> apply_file(Connection& connection, const std::string& table, const MigrationFile& file) {
  try {
    co_await connection.script("BEGIN");
    co_await connection.script(file.sql);
    const Params record{file.version, file.name, file.checksum};
    co_await connection.query("INSERT INTO " + table + " (version, name, checksum) VALUES ($1, $2, $3)", record);
    const Result commit = co_await connection.script("COMMIT");
    if (commit.command() != "COMMIT") throw Error({}, "COMMIT answered " + std::string(commit.command()));
  } catch (const Unavailable&) {
    throw;
  } catch (const Error& e) {
    throw MigrationError("migration " + file.name + " failed: " + e.what(), e.sqlstate());
  }
}

// Runs with the advisory lock held.
Awaitable<MigrationReport> apply_pending(Connection& connection, const std::string& schema,
                                         const std::vector<MigrationFile>& files) {
  const std::string quoted = '"' + schema + '"';  // check_schema_name() leaves nothing to escape
  const std::string table = quoted + ".schema_migrations";
  co_await connection.script("CREATE SCHEMA IF NOT EXISTS " + quoted + "; CREATE TABLE IF NOT EXISTS " + table +
                             " (version bigint PRIMARY KEY, name text NOT NULL, checksum text NOT NULL,"
                             " applied_at timestamptz NOT NULL DEFAULT now())");
  std::map<std::int64_t, std::string> applied;  // version -> checksum
  for (const Row& row : co_await connection.query("SELECT version, checksum FROM " + table, Params{})) {
    applied.emplace(row.get<std::int64_t>(0), row.get<std::string>(1));
  }

  MigrationReport report;
  for (const MigrationFile& file : files) {
    const auto done = applied.find(file.version);
    if (done == applied.end()) {
      co_await apply_file(connection, table, file);
      report.applied.push_back(file.name);
    } else if (done->second != file.checksum) {
      throw MigrationError("migration " + file.name +
                           " was changed after it was applied (checksum differs); add a new migration instead");
    } else {
      ++report.already_applied;
    }
  }
  report.version = files.empty() ? 0 : files.back().version;
  if (!applied.empty()) report.version = std::max(report.version, applied.rbegin()->first);
  co_return report;
}

}  // namespace

Awaitable<MigrationReport> migrate(Database& db, std::string schema, std::filesystem::path dir) {
  check_schema_name(schema);
  const std::vector<MigrationFile> files = load_migration_files(dir);  // file problems surface before connecting
  detail::DatabaseImpl& impl = detail::DatabaseAccess::impl(db);
  Lease lease = co_await impl.acquire();
  const std::int64_t lock_key = advisory_lock_key(schema);
  const Params lock{lock_key};
  std::exception_ptr failure;
  try {
    co_await lease->query("SELECT pg_advisory_lock($1)", lock);  // waits while another instance migrates
    MigrationReport report = co_await apply_pending(*lease, schema, files);
    co_await lease->query("SELECT pg_advisory_unlock($1)", lock);
    co_return report;
  } catch (...) {
    failure = std::current_exception();
  }
  // Closing the session releases the advisory lock and rolls back a half-applied file.
  lease.discard();
  std::rethrow_exception(failure);
}

}  // namespace dt::db
