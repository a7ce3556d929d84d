#pragma once
// One service's tables in a schema of any name. A service writes its SQL (migrations and statements) for its
// own schema name, e.g. "catalog.questions"; tests run it in a schema of their own ("catalog_test_42"), so
// that suites run side by side on one PostgreSQL. These functions rewrite the written name into the real one.
//
//   co_await dt::db::migrate_renamed(db, "account", "account_test_7", migrations_dir);
//   db.query(dt::db::rename_schema("SELECT * FROM account.profiles", "account", schema));
#include <filesystem>
#include <string>
#include <string_view>

#include "async/awaitable.hpp"
#include "db/database.hpp"
#include "db/migrations.hpp"

namespace dt::db {

// [a-z_][a-z0-9_]*, at most 63 characters: safe to splice into SQL text unquoted.
bool is_valid_schema_name(std::string_view schema);

// `sql` with every "<written>." that starts an identifier (so not "pg_catalog." for written "catalog")
// replaced by "<schema>.".
std::string rename_schema(std::string_view sql, std::string_view written, std::string_view schema);

// migrate() for files written for schema `written`, applied to `schema`. When the two are equal the files are
// applied as they are; otherwise they are first rendered into a temporary directory, removed afterwards.
// Throws MigrationError for an invalid schema name.
Awaitable<MigrationReport> migrate_renamed(Database& db, std::string written, std::string schema,
                                           std::filesystem::path dir);

}  // namespace dt::db
