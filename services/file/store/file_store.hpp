#pragma once
// FileStore: the File service's metadata in PostgreSQL (schema in store/migrations, applied by migrate_store):
// one row per stored object, keyed by the SHA-256 of its bytes.
//
// Errors: db::Error and db::Unavailable from the database. Arguments passed by reference must stay alive until
// the returned awaitable completes.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "async/awaitable.hpp"
#include "db/database.hpp"
#include "db/migrations.hpp"

namespace dt::file::store {

struct FileRecord {
  std::string sha256;      // 64 lower-case hex digits
  std::string object_key;  // in the bucket of its visibility
  std::string visibility;  // "public" or "private"
  std::string media_type;  // "image/png", ...
  std::int64_t size = 0;
  std::optional<std::int32_t> width;
  std::optional<std::int32_t> height;
  std::string original_name;
  std::string uploaded_by;  // the uploader's subject
  std::string created_at;   // RFC 3339, UTC, milliseconds (set by the database)
};

struct FileFilter {
  std::string search;  // in the original name (case-insensitive) or a prefix of the sha256; empty: all
  std::string kind;    // "image", "video" or an exact media type; empty: all
  int page = 1;        // from 1
  int size = 50;       // 1..200
};

struct FilePage {
  std::vector<FileRecord> items;
  std::int64_t total = 0;
};

inline constexpr int kMaxPageSize = 200;

Awaitable<db::MigrationReport> migrate_store(db::Database& db, std::string schema);

class FileStore {
 public:
  // db must outlive the store; schema must be migrated and a valid name (std::invalid_argument).
  FileStore(db::Database& db, std::string schema = "files");

  Awaitable<std::optional<FileRecord>> find(std::string sha256);
  // Inserts the record (created_at is set here) and returns it as stored, with true; when a record with that
  // sha256 exists already (two uploads of the same bytes raced), returns that one, with false.
  Awaitable<std::pair<FileRecord, bool>> insert(FileRecord record);
  Awaitable<FilePage> list(FileFilter filter);
  // Deletes the record inside a transaction that commits only after `before_commit(record)` succeeded (the
  // object's deletion from the bucket), so that a failure there keeps the row. false: there was no such record.
  Awaitable<bool> remove(std::string sha256, std::function<Awaitable<void>(const FileRecord&)> before_commit);

 private:
  std::string sql(std::string_view text) const;

  db::Database& db_;
  std::string schema_;
};

}  // namespace dt::file::store
