#include "file/store/file_store.hpp"

#include <stdexcept>

#include "db/schema_name.hpp"

namespace dt::file::store {
namespace {

constexpr std::string_view kColumns =
    "sha256, object_key, visibility, media_type, size_bytes, width, height, original_name, uploaded_by,"
    " to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"') AS created_at";

FileRecord record_of(const db::Row& row) {
  FileRecord r;
  r.sha256 = row.get<std::string>(0);
  r.object_key = row.get<std::string>(1);
  r.visibility = row.get<std::string>(2);
  r.media_type = row.get<std::string>(3);
  r.size = row.get<std::int64_t>(4);
  r.width = row.get<std::optional<std::int32_t>>(5);
  r.height = row.get<std::optional<std::int32_t>>(6);
  r.original_name = row.get<std::string>(7);
  r.uploaded_by = row.get<std::string>(8);
  r.created_at = row.get<std::string>(9);
  return r;
}

// `text` for a LIKE pattern that matches it literally (with ESCAPE '\').
std::string like_literal(const std::string& text) {
  std::string out;
  for (const char c : text) {
    if (c == '\\' || c == '%' || c == '_') out += '\\';
    out += c;
  }
  return out;
}

// The WHERE clause of the list and its count: $1 search (empty: any), $2 kind or media type (empty: any).
constexpr std::string_view kListWhere =
    " WHERE ($1 = '' OR original_name ILIKE '%' || $1 || '%' ESCAPE '\\' OR sha256 LIKE lower($1) || '%' ESCAPE '\\')"
    " AND ($2 = '' OR media_type = $2 OR media_type LIKE $2 || '/%')";

}  // namespace

Awaitable<db::MigrationReport> migrate_store(db::Database& db, std::string schema) {
  co_return co_await db::migrate_renamed(db, "files", std::move(schema), DT_FILE_MIGRATIONS_DIR);
}

FileStore::FileStore(db::Database& db, std::string schema) : db_(db), schema_(std::move(schema)) {
  if (!db::is_valid_schema_name(schema_)) throw std::invalid_argument("invalid schema name '" + schema_ + "'");
}

std::string FileStore::sql(std::string_view text) const { return db::rename_schema(text, "files", schema_); }

Awaitable<std::optional<FileRecord>> FileStore::find(std::string sha256) {
  const db::Result rows =
      co_await db_.query(sql("SELECT " + std::string(kColumns) + " FROM files.objects WHERE sha256 = $1"), sha256);
  if (rows.empty()) co_return std::nullopt;
  co_return record_of(rows[0]);
}

Awaitable<std::pair<FileRecord, bool>> FileStore::insert(FileRecord record) {
  const db::Result rows = co_await db_.query(
      sql("INSERT INTO files.objects (sha256, object_key, visibility, media_type, size_bytes, width, height,"
          " original_name, uploaded_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)"
          " ON CONFLICT (sha256) DO NOTHING RETURNING " +
          std::string(kColumns)),
      record.sha256, record.object_key, record.visibility, record.media_type, record.size, record.width, record.height,
      record.original_name, record.uploaded_by);
  if (!rows.empty()) co_return std::pair{record_of(rows[0]), true};
  auto existing = co_await find(record.sha256);
  if (!existing) throw std::runtime_error("file " + record.sha256 + " conflicted on insert but is gone");
  co_return std::pair{std::move(*existing), false};
}

Awaitable<FilePage> FileStore::list(FileFilter filter) {
  const std::string search = like_literal(filter.search);
  const int size = std::clamp(filter.size, 1, kMaxPageSize);
  const std::int64_t offset = static_cast<std::int64_t>(std::max(filter.page, 1) - 1) * size;
  const db::Result count =
      co_await db_.query(sql("SELECT count(*) FROM files.objects" + std::string(kListWhere)), search, filter.kind);
  const db::Result rows =
      co_await db_.query(sql("SELECT " + std::string(kColumns) + " FROM files.objects" + std::string(kListWhere) +
                             " ORDER BY created_at DESC, sha256 LIMIT $3 OFFSET $4"),
                         search, filter.kind, static_cast<std::int64_t>(size), offset);
  FilePage page;
  page.total = count[0].get<std::int64_t>(0);
  page.items.reserve(rows.size());
  for (const db::Row& row : rows) page.items.push_back(record_of(row));
  co_return page;
}

Awaitable<bool> FileStore::remove(std::string sha256, std::function<Awaitable<void>(const FileRecord&)> before_commit) {
  const std::string statement = sql("DELETE FROM files.objects WHERE sha256 = $1 RETURNING " + std::string(kColumns));
  // A named body: GCC 12 destroys a closure made inside a co_await expression twice.
  auto body = [statement, sha256, before_commit = std::move(before_commit)](db::Transaction& tx) -> Awaitable<bool> {
    const db::Result rows = co_await tx.query(statement, sha256);
    if (rows.empty()) co_return false;
    const FileRecord record = record_of(rows[0]);
    co_await before_commit(record);
    co_return true;
  };
  co_return co_await db_.transaction(std::move(body));
}

}  // namespace dt::file::store
