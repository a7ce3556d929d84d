#include "catalog/store/store_migrations.hpp"

#include "db/schema_name.hpp"

namespace dt::catalog::store {

std::filesystem::path default_migrations_dir() { return DT_CATALOG_MIGRATIONS_DIR; }

bool is_valid_schema_name(std::string_view schema) { return db::is_valid_schema_name(schema); }

std::string qualify(std::string_view sql, std::string_view schema) { return db::rename_schema(sql, "catalog", schema); }

Awaitable<db::MigrationReport> migrate_store(db::Database& db, std::string schema, std::filesystem::path dir) {
  co_return co_await db::migrate_renamed(db, "catalog", std::move(schema), std::move(dir));
}

}  // namespace dt::catalog::store
