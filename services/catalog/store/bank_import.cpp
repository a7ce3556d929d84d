// CatalogStore::import_bank: a whole bank document in one transaction (all or nothing), idempotent: reference
// rows are upserted by code, questions by external_id (changed content: a new revision; same content: nothing),
// blueprints by (code, version) (put_blueprint's rules). Concurrent imports queue on the bank_version lock, so
// the second one finds the first one's rows and reports them unchanged.
#include <unordered_map>

#include <boost/json/array.hpp>
#include <boost/json/serialize.hpp>

#include "catalog/io/bank_document.hpp"
#include "catalog/store/catalog_store.hpp"
#include "catalog/store/content_codec.hpp"
#include "catalog/store/store_internal.hpp"
#include "catalog/store/store_migrations.hpp"

namespace dt::catalog::store {

namespace {

using detail::WriteOutcome;

void count(SectionSummary& section, WriteOutcome outcome) {
  switch (outcome) {
    case WriteOutcome::created:
      ++section.created;
      break;
    case WriteOutcome::revised:
      ++section.revised;
      break;
    case WriteOutcome::unchanged:
      ++section.unchanged;
      break;
  }
}

// An upsert's RETURNING (xmax = 0) AS created: no row when nothing changed, true when inserted, false updated.
WriteOutcome outcome_of(const db::Result& result) {
  if (result.empty()) return WriteOutcome::unchanged;
  return result[0].get<bool>("created") ? WriteOutcome::created : WriteOutcome::revised;
}

struct StoredQuestion {
  Question current;
  bool deleted = false;
};

class Importer {
 public:
  Importer(db::Transaction& tx, const std::string& schema, const std::string& actor)
      : tx_(tx), schema_(schema), actor_(actor) {}

  Awaitable<ImportSummary> run(const io::BankDocument& document) {
    const std::int64_t version = co_await detail::lock_bank(tx_, schema_);
    ImportSummary summary;
    for (const Jurisdiction& j : document.jurisdictions) count(summary.jurisdictions, co_await put(j));
    for (const Topic& t : document.topics) count(summary.topics, co_await put(t));
    for (const LicenceClass& c : document.licence_classes) count(summary.licence_classes, co_await put(c));
    const auto stored = co_await stored_questions(document.questions);
    for (const Question& q : document.questions) count(summary.questions, co_await put(q, stored));
    for (const Blueprint& b : document.blueprints) {
      count(summary.blueprints, co_await detail::put_blueprint(tx_, schema_, b, actor_));
    }
    summary.bank_version = version;
    if (summary.changed()) summary.bank_version = co_await detail::bump_bank(tx_, schema_, actor_);
    co_return summary;
  }

 private:
  Awaitable<WriteOutcome> put(const Jurisdiction& j) {
    const db::Json name(detail::localized_content(j.name));
    co_return outcome_of(
        co_await tx_.query(sql("INSERT INTO catalog.jurisdictions AS t (code, name) VALUES ($1, $2)"
                               " ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, updated_at = now()"
                               " WHERE t.name IS DISTINCT FROM EXCLUDED.name RETURNING (xmax = 0) AS created"),
                           j.code.value(), name));
  }

  Awaitable<WriteOutcome> put(const Topic& t) {
    const db::Json name(detail::localized_content(t.name));
    co_return outcome_of(co_await tx_.query(
        sql("INSERT INTO catalog.topics AS t (jurisdiction, code, ordinal, name) VALUES ($1, $2, $3, $4)"
            " ON CONFLICT (jurisdiction, code) DO UPDATE SET ordinal = EXCLUDED.ordinal, name = EXCLUDED.name,"
            " updated_at = now()"
            " WHERE (t.ordinal, t.name) IS DISTINCT FROM (EXCLUDED.ordinal, EXCLUDED.name)"
            " RETURNING (xmax = 0) AS created"),
        t.jurisdiction.value(), t.code.value(), t.ordinal, name));
  }

  Awaitable<WriteOutcome> put(const LicenceClass& c) {
    const db::Json name(detail::localized_content(c.name));
    co_return outcome_of(co_await tx_.query(
        sql("INSERT INTO catalog.licence_classes AS t (jurisdiction, code, name) VALUES ($1, $2, $3)"
            " ON CONFLICT (jurisdiction, code) DO UPDATE SET name = EXCLUDED.name, updated_at = now()"
            " WHERE t.name IS DISTINCT FROM EXCLUDED.name RETURNING (xmax = 0) AS created"),
        c.jurisdiction.value(), c.code.value(), name));
  }

  // The stored current revisions of the document's external_ids.
  Awaitable<std::unordered_map<std::string, StoredQuestion>> stored_questions(const std::vector<Question>& questions) {
    boost::json::array ids;
    ids.reserve(questions.size());
    for (const Question& q : questions) ids.emplace_back(q.external_id);
    const db::Json wanted(boost::json::serialize(ids));
    const db::Result rows = co_await tx_.query(
        sql("SELECT r.question_id AS id, r.revision, r.content, q.deleted_at IS NOT NULL AS deleted"
            " FROM catalog.questions q"
            " JOIN catalog.question_revisions r ON r.question_id = q.id AND r.revision = q.current_revision"
            " WHERE q.external_id IN (SELECT jsonb_array_elements_text($1))"),
        wanted);
    std::unordered_map<std::string, StoredQuestion> stored;
    for (const db::Row& row : rows) {
      StoredQuestion s{detail::question_from_row(row), row.get<bool>("deleted")};
      std::string key = s.current.external_id;
      stored.emplace(std::move(key), std::move(s));
    }
    co_return stored;
  }

  Awaitable<WriteOutcome> put(const Question& question, const std::unordered_map<std::string, StoredQuestion>& stored) {
    const auto found = stored.find(question.external_id);
    if (found == stored.end()) {
      co_await detail::insert_question(tx_, schema_, question, actor_);
      co_return WriteOutcome::created;
    }
    const Question& current = found->second.current;
    Question incoming = question;
    incoming.id = current.id;
    incoming.revision = current.revision;
    if (incoming == current && !found->second.deleted) co_return WriteOutcome::unchanged;
    const int revision = incoming == current ? current.revision : current.revision + 1;
    if (revision == current.revision) {
      co_await tx_.query(sql("UPDATE catalog.questions SET deleted_at = NULL, deleted_by = NULL, updated_at = now(),"
                             " updated_by = $2 WHERE id = $1"),
                         current.id, actor_);
    } else {
      co_await detail::insert_revision(tx_, schema_, current.id, revision, incoming, actor_);
    }
    co_return WriteOutcome::revised;
  }

  std::string sql(std::string_view text) const { return qualify(text, schema_); }

  db::Transaction& tx_;
  const std::string& schema_;
  const std::string& actor_;
};

}  // namespace

Awaitable<ImportSummary> CatalogStore::import_bank(const io::BankDocument& document, std::string actor) {
  try {
    co_return co_await db_->transaction([&](db::Transaction& tx) -> Awaitable<ImportSummary> {
      Importer importer(tx, schema_, actor);
      co_return co_await importer.run(document);
    });
  } catch (const db::Unavailable&) {
    throw;
  } catch (const db::Error& e) {
    // parse_bank's cross checks catch these first; a document that skipped them fails here, as a whole.
    if (!e.is_foreign_key_violation()) throw;
    throw Problem::bad_request(std::string("the document refers to an unknown jurisdiction, topic or licence class: ") +
                               e.what());
  }
}

}  // namespace dt::catalog::store
