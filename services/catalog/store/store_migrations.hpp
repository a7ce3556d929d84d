#pragma once
// The Catalog's schema, brought up to date at service start-up (before constructing CatalogStore):
//
//   co_await dt::catalog::store::migrate_store(db);                    // schema "catalog"
//   co_await dt::catalog::store::migrate_store(db, "catalog_test_x");  // tests: one schema each
//
// The files in store/migrations/ are written for the schema "catalog" (every object spelled "catalog.<name>").
// For schema "catalog" they are applied as they are (db::migrate, checksums of the files); for another schema
// they are first rendered with "catalog." replaced by "<schema>." into a temporary directory.
#include <filesystem>
#include <string>
#include <string_view>

#include "async/awaitable.hpp"
#include "db/database.hpp"
#include "db/migrations.hpp"

namespace dt::catalog::store {

// The source tree's store/migrations (compiled in); deployments that move the files pass their directory.
std::filesystem::path default_migrations_dir();

Awaitable<db::MigrationReport> migrate_store(db::Database& db, std::string schema = "catalog",
                                             std::filesystem::path dir = default_migrations_dir());

// `sql` with every "catalog." that starts an identifier (not "pg_catalog.") replaced by "<schema>.".
std::string qualify(std::string_view sql, std::string_view schema);

// [a-z_][a-z0-9_]*, at most 63 characters: safe to splice into SQL text unquoted.
bool is_valid_schema_name(std::string_view schema);

}  // namespace dt::catalog::store
