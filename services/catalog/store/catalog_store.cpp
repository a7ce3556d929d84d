// CatalogStore: construction, reference data and the bank version. The other parts live in question_store.cpp,
// question_writes.cpp, bank_import.cpp, blueprint_store.cpp, exam_store.cpp and learning_store.cpp.
#include "catalog/store/catalog_store.hpp"

#include <stdexcept>

#include "catalog/store/content_codec.hpp"
#include "catalog/store/store_migrations.hpp"

namespace dt::catalog::store {

CatalogStore::CatalogStore(db::Database& db, std::string schema) : db_(&db), schema_(std::move(schema)) {
  if (!is_valid_schema_name(schema_)) throw std::invalid_argument("invalid schema name '" + schema_ + "'");
}

std::string CatalogStore::sql(std::string_view text) const { return qualify(text, schema_); }

Awaitable<std::vector<Jurisdiction>> CatalogStore::jurisdictions() {
  const db::Result rows = co_await db_->query(sql("SELECT code, name FROM catalog.jurisdictions ORDER BY code"));
  std::vector<Jurisdiction> out;
  out.reserve(rows.size());
  for (const db::Row& row : rows) {
    out.push_back(Jurisdiction{JurisdictionCode(row.get<std::string>(0)),
                               detail::localized_from_content(row.get<std::string>(1))});
  }
  co_return out;
}

Awaitable<std::vector<Topic>> CatalogStore::topics(JurisdictionCode jurisdiction) {
  const db::Result rows = co_await db_->query(
      sql("SELECT code, ordinal, name FROM catalog.topics WHERE jurisdiction = $1 ORDER BY ordinal, code"),
      jurisdiction.value());
  std::vector<Topic> out;
  out.reserve(rows.size());
  for (const db::Row& row : rows) {
    out.push_back(Topic{TopicCode(row.get<std::string>(0)), jurisdiction, row.get<std::int32_t>(1),
                        detail::localized_from_content(row.get<std::string>(2))});
  }
  co_return out;
}

Awaitable<std::vector<LicenceClass>> CatalogStore::licence_classes(JurisdictionCode jurisdiction) {
  const db::Result rows =
      co_await db_->query(sql("SELECT code, name FROM catalog.licence_classes WHERE jurisdiction = $1 ORDER BY code"),
                          jurisdiction.value());
  std::vector<LicenceClass> out;
  out.reserve(rows.size());
  for (const db::Row& row : rows) {
    out.push_back(LicenceClass{LicenceClassCode(row.get<std::string>(0)), jurisdiction,
                               detail::localized_from_content(row.get<std::string>(1))});
  }
  co_return out;
}

Awaitable<io::KnownReferences> CatalogStore::known_references() {
  const db::Result rows =
      co_await db_->query(sql("SELECT 'j' AS kind, code AS jurisdiction, NULL AS code FROM catalog.jurisdictions "
                              "UNION ALL SELECT 't', jurisdiction, code FROM catalog.topics "
                              "UNION ALL SELECT 'l', jurisdiction, code FROM catalog.licence_classes"));
  io::KnownReferences known;
  for (const db::Row& row : rows) {
    const std::string kind = row.get<std::string>(0);
    JurisdictionCode jurisdiction(row.get<std::string>(1));
    if (kind == "j") {
      known.jurisdictions.insert(std::move(jurisdiction));
    } else if (kind == "t") {
      known.topics.emplace(std::move(jurisdiction), TopicCode(row.get<std::string>(2)));
    } else {
      known.licence_classes.emplace(std::move(jurisdiction), LicenceClassCode(row.get<std::string>(2)));
    }
  }
  co_return known;
}

Awaitable<std::int64_t> CatalogStore::bank_version() {
  const db::Result rows = co_await db_->query(sql("SELECT version FROM catalog.bank_version"));
  co_return rows[0].get<std::int64_t>(0);
}

}  // namespace dt::catalog::store
