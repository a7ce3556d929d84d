// CatalogStore: blueprint versions. A version an exam used is frozen (Conflict on a content change); deleting
// is soft so that exams in progress can still be graded with the version they started with.
#include "catalog/store/catalog_store.hpp"
#include "catalog/store/content_codec.hpp"
#include "catalog/store/store_internal.hpp"
#include "catalog/store/store_migrations.hpp"

namespace dt::catalog::store {

namespace {

std::string describe(const std::string& code, int version) {
  return "blueprint " + code + " version " + std::to_string(version);
}

// In a catch handler: an unknown jurisdiction or licence class becomes an invalid field.
[[noreturn]] void rethrow_blueprint_error(const Blueprint& blueprint) {
  try {
    throw;
  } catch (const db::Unavailable&) {
    throw;
  } catch (const db::Error& e) {
    if (!e.is_foreign_key_violation()) throw;
    throw Problem::invalid_field("licence_class", "jurisdiction '" + blueprint.jurisdiction.value() +
                                                      "' has no licence class '" + blueprint.licence_class.value() +
                                                      "'");
  }
}

}  // namespace

namespace detail {

Awaitable<WriteOutcome> put_blueprint(db::Transaction& tx, const std::string& schema, const Blueprint& blueprint,
                                      const std::string& actor) {
  const db::Result rows =
      co_await tx.query(qualify("SELECT b.content, b.deleted_at IS NOT NULL AS deleted,"
                                " EXISTS (SELECT 1 FROM catalog.exams e"
                                "         WHERE e.blueprint_code = b.code AND e.blueprint_version = b.version) AS used"
                                " FROM catalog.blueprints b WHERE b.code = $1 AND b.version = $2 FOR UPDATE OF b",
                                schema),
                        blueprint.code, blueprint.version);
  std::optional<std::string> valid_to;
  if (blueprint.valid_to) valid_to = format_date(*blueprint.valid_to);
  const db::Json content(blueprint_content(blueprint));
  const db::Params params{blueprint.code,
                          blueprint.version,
                          blueprint.jurisdiction.value(),
                          blueprint.licence_class.value(),
                          format_date(blueprint.valid_from),
                          valid_to,
                          content,
                          actor};
  if (rows.empty()) {
    co_await tx.query(qualify("INSERT INTO catalog.blueprints (code, version, jurisdiction, licence_class, valid_from,"
                              " valid_to, content, created_by, updated_by)"
                              " VALUES ($1, $2, $3, $4, $5::date, $6::date, $7, $8, $8)",
                              schema),
                      params);
    co_return WriteOutcome::created;
  }
  const bool deleted = rows[0].get<bool>("deleted");
  const bool same = blueprint_from_content(rows[0].get<std::string>("content")) == blueprint;
  if (same && !deleted) co_return WriteOutcome::unchanged;
  if (!same && rows[0].get<bool>("used")) {
    throw Conflict(describe(blueprint.code, blueprint.version) +
                   " was used by exams and can not change; publish a new version instead");
  }
  co_await tx.query(
      qualify("UPDATE catalog.blueprints SET jurisdiction = $3, licence_class = $4, valid_from = $5::date,"
              " valid_to = $6::date, content = $7, updated_at = now(), updated_by = $8,"
              " deleted_at = NULL, deleted_by = NULL WHERE code = $1 AND version = $2",
              schema),
      params);
  co_return WriteOutcome::revised;
}

}  // namespace detail

Awaitable<std::vector<Blueprint>> CatalogStore::blueprints(std::optional<JurisdictionCode> jurisdiction) {
  std::optional<std::string> wanted;
  if (jurisdiction) wanted = jurisdiction->value();
  const db::Result rows = co_await db_->query(
      sql("SELECT content FROM catalog.blueprints WHERE deleted_at IS NULL AND ($1::text IS NULL OR jurisdiction = $1)"
          " ORDER BY jurisdiction, licence_class, code, version"),
      wanted);
  std::vector<Blueprint> out;
  out.reserve(rows.size());
  for (const db::Row& row : rows) out.push_back(detail::blueprint_from_content(row.get<std::string>(0)));
  co_return out;
}

Awaitable<std::optional<Blueprint>> CatalogStore::blueprint(std::string code, int version) {
  const db::Result rows = co_await db_->query(
      sql("SELECT content FROM catalog.blueprints WHERE code = $1 AND version = $2"), code, version);
  if (rows.empty()) co_return std::nullopt;
  co_return detail::blueprint_from_content(rows[0].get<std::string>(0));
}

Awaitable<void> CatalogStore::create_blueprint(Blueprint blueprint, std::string actor) {
  try {
    co_await db_->transaction([&](db::Transaction& tx) -> Awaitable<void> {
      co_await detail::lock_bank(tx, schema_);
      const db::Result rows = co_await tx.query(
          sql("SELECT 1 FROM catalog.blueprints WHERE code = $1 AND version = $2 AND deleted_at IS NULL"),
          blueprint.code, blueprint.version);
      if (!rows.empty()) throw Conflict(describe(blueprint.code, blueprint.version) + " already exists");
      co_await detail::put_blueprint(tx, schema_, blueprint, actor);
      co_await detail::bump_bank(tx, schema_, actor);
    });
  } catch (const db::Error&) {
    rethrow_blueprint_error(blueprint);
  }
}

Awaitable<void> CatalogStore::update_blueprint(Blueprint blueprint, std::string actor) {
  try {
    co_await db_->transaction([&](db::Transaction& tx) -> Awaitable<void> {
      co_await detail::lock_bank(tx, schema_);
      const db::Result rows = co_await tx.query(
          sql("SELECT 1 FROM catalog.blueprints WHERE code = $1 AND version = $2 AND deleted_at IS NULL"),
          blueprint.code, blueprint.version);
      if (rows.empty()) throw NotFound("no " + describe(blueprint.code, blueprint.version));
      if (co_await detail::put_blueprint(tx, schema_, blueprint, actor) != detail::WriteOutcome::unchanged) {
        co_await detail::bump_bank(tx, schema_, actor);
      }
    });
  } catch (const db::Error&) {
    rethrow_blueprint_error(blueprint);
  }
}

Awaitable<void> CatalogStore::delete_blueprint(std::string code, int version, std::string actor) {
  co_await db_->transaction([&](db::Transaction& tx) -> Awaitable<void> {
    co_await detail::lock_bank(tx, schema_);
    const db::Result deleted = co_await tx.query(sql("UPDATE catalog.blueprints SET deleted_at = now(), deleted_by = $3"
                                                     " WHERE code = $1 AND version = $2 AND deleted_at IS NULL"),
                                                 code, version, actor);
    if (deleted.affected_rows() == 0) throw NotFound("no " + describe(code, version));
    co_await detail::bump_bank(tx, schema_, actor);
  });
}

Awaitable<void> CatalogStore::delete_topic(JurisdictionCode jurisdiction, TopicCode code, std::string actor) {
  const std::string name = "topic '" + code.value() + "' of '" + jurisdiction.value() + "'";
  co_await db_->transaction([&](db::Transaction& tx) -> Awaitable<void> {
    co_await detail::lock_bank(tx, schema_);
    const db::Result quotas = co_await tx.query(
        sql("SELECT code, version FROM catalog.blueprints WHERE deleted_at IS NULL AND jurisdiction = $1"
            " AND EXISTS (SELECT 1 FROM jsonb_array_elements(content->'quotas') q"
            "             WHERE q->'topics' ? $2) ORDER BY code, version LIMIT 1"),
        jurisdiction.value(), code.value());
    if (quotas.size() > 0) {
      throw Conflict(name + " is in a quota of blueprint " + quotas[0].get<std::string>(0) + " v" +
                     std::to_string(quotas[0].get<std::int32_t>(1)));
    }
    const db::Result used =
        co_await tx.query(sql("SELECT count(*) FROM catalog.questions WHERE jurisdiction = $1 AND topic = $2"),
                          jurisdiction.value(), code.value());
    if (used[0].get<std::int64_t>(0) > 0) {
      throw Conflict(name + " has " + std::to_string(used[0].get<std::int64_t>(0)) +
                     " question(s), deleted ones included: move them first");
    }
    const db::Result deleted = co_await tx.query(
        sql("DELETE FROM catalog.topics WHERE jurisdiction = $1 AND code = $2"), jurisdiction.value(), code.value());
    if (deleted.affected_rows() == 0) throw NotFound("there is no " + name);
    co_await detail::bump_bank(tx, schema_, actor);
  });
}

}  // namespace dt::catalog::store
