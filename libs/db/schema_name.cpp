#include "db/schema_name.hpp"

#include <unistd.h>

#include <atomic>
#include <fstream>
#include <sstream>

namespace dt::db {
namespace {

bool is_identifier_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw MigrationError("cannot read " + path.string());
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

void write_file(const std::filesystem::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
  if (!out) throw MigrationError("cannot write " + path.string());
}

// A fresh directory under the system's temporary directory, removed when this goes out of scope.
class RenderedDir {
 public:
  explicit RenderedDir(const std::string& schema) {
    static std::atomic<int> counter{0};
    path_ = std::filesystem::temp_directory_path() /
            ("dt_migrations_" + schema + "_" + std::to_string(::getpid()) + "_" + std::to_string(++counter));
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  RenderedDir(const RenderedDir&) = delete;
  RenderedDir& operator=(const RenderedDir&) = delete;
  ~RenderedDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

}  // namespace

bool is_valid_schema_name(std::string_view schema) {
  if (schema.empty() || schema.size() > 63 || (schema[0] >= '0' && schema[0] <= '9')) return false;
  for (char c : schema) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  }
  return true;
}

std::string rename_schema(std::string_view sql, std::string_view written, std::string_view schema) {
  const std::string prefix = std::string(written) + ".";
  std::string out;
  out.reserve(sql.size() + 16);
  std::size_t from = 0;
  while (true) {
    const std::size_t at = sql.find(prefix, from);
    if (at == std::string_view::npos) break;
    out.append(sql.substr(from, at - from));
    if (at > 0 && is_identifier_char(sql[at - 1])) {
      out.append(prefix);  // part of a longer name, e.g. pg_catalog.
    } else {
      out.append(schema).append(".");
    }
    from = at + prefix.size();
  }
  out.append(sql.substr(from));
  return out;
}

Awaitable<MigrationReport> migrate_renamed(Database& db, std::string written, std::string schema,
                                           std::filesystem::path dir) {
  if (!is_valid_schema_name(schema)) throw MigrationError("invalid schema name '" + schema + "'");
  if (schema == written) co_return co_await migrate(db, schema, dir);
  RenderedDir rendered(schema);
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (!entry.is_regular_file() || entry.path().extension() != ".sql") continue;
    write_file(rendered.path() / entry.path().filename(), rename_schema(read_file(entry.path()), written, schema));
  }
  co_return co_await migrate(db, schema, rendered.path());
}

}  // namespace dt::db
