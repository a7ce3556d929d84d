// CatalogStore: creating, revising and deleting questions. Every write locks bank_version first and bumps it.
#include "catalog/store/catalog_store.hpp"
#include "catalog/store/content_codec.hpp"
#include "catalog/store/store_internal.hpp"
#include "catalog/store/store_migrations.hpp"

namespace dt::catalog::store {

namespace detail {

Awaitable<QuestionId> insert_question(db::Transaction& tx, const std::string& schema, Question question,
                                      const std::string& actor) {
  const db::Params params{question.external_id, question.jurisdiction.value(), question.topic.value(),
                          std::string(to_string(question.status)), actor};
  const db::Result inserted = co_await tx.query(
      qualify("WITH n AS (SELECT nextval(pg_get_serial_sequence('catalog.questions', 'id')) AS id)"
              " INSERT INTO catalog.questions"
              " (id, external_id, jurisdiction, topic, status, current_revision, created_by, updated_by)"
              " SELECT n.id, CASE WHEN $1::text = '' THEN 'q-' || n.id ELSE $1::text END, $2, $3, $4, 1, $5, $5"
              " FROM n RETURNING id, external_id",
              schema),
      params);
  question.id = inserted[0].get<std::int64_t>("id");
  question.external_id = inserted[0].get<std::string>("external_id");
  const db::Json content(question_content(question));
  co_await tx.query(qualify("INSERT INTO catalog.question_revisions (question_id, revision, content, created_by)"
                            " VALUES ($1, 1, $2, $3)",
                            schema),
                    question.id, content, actor);
  co_return question.id;
}

Awaitable<void> insert_revision(db::Transaction& tx, const std::string& schema, QuestionId id, int revision,
                                Question question, const std::string& actor) {
  question.id = id;
  question.revision = revision;
  const db::Json content(question_content(question));
  co_await tx.query(qualify("INSERT INTO catalog.question_revisions (question_id, revision, content, created_by)"
                            " VALUES ($1, $2, $3, $4)",
                            schema),
                    id, revision, content, actor);
  const db::Params params{id,
                          revision,
                          question.external_id,
                          question.jurisdiction.value(),
                          question.topic.value(),
                          std::string(to_string(question.status)),
                          actor};
  co_await tx.query(qualify("UPDATE catalog.questions SET current_revision = $2, external_id = $3, jurisdiction = $4,"
                            " topic = $5, status = $6, updated_at = now(), updated_by = $7,"
                            " deleted_at = NULL, deleted_by = NULL WHERE id = $1",
                            schema),
                    params);
}

void rethrow_question_error(const Question& question) {
  try {
    throw;
  } catch (const db::Unavailable&) {
    throw;
  } catch (const db::Error& e) {
    if (e.is_unique_violation()) {
      throw Conflict("a question with external_id '" + question.external_id + "' already exists");
    }
    if (e.is_foreign_key_violation()) {
      throw Problem::invalid_field("topic", "jurisdiction '" + question.jurisdiction.value() + "' has no topic '" +
                                                question.topic.value() + "'");
    }
    throw;
  }
}

}  // namespace detail

Awaitable<QuestionId> CatalogStore::create_question(Question question, std::string actor) {
  try {
    co_return co_await db_->transaction([&](db::Transaction& tx) -> Awaitable<QuestionId> {
      co_await detail::lock_bank(tx, schema_);
      const QuestionId id = co_await detail::insert_question(tx, schema_, question, actor);
      co_await detail::bump_bank(tx, schema_, actor);
      co_return id;
    });
  } catch (const db::Error&) {
    detail::rethrow_question_error(question);
  }
}

Awaitable<int> CatalogStore::update_question(QuestionId id, Question question, std::string actor) {
  try {
    co_return co_await db_->transaction([&](db::Transaction& tx) -> Awaitable<int> {
      co_await detail::lock_bank(tx, schema_);
      const db::Result rows = co_await tx.query(
          sql("SELECT q.current_revision AS revision, q.id, r.content FROM catalog.questions q"
              " JOIN catalog.question_revisions r ON r.question_id = q.id AND r.revision = q.current_revision"
              " WHERE q.id = $1 AND q.deleted_at IS NULL"),
          id);
      if (rows.empty()) throw NotFound("no question " + std::to_string(id));
      const Question current = detail::question_from_row(rows[0]);
      question.id = id;
      question.revision = current.revision;
      if (question.external_id.empty()) question.external_id = current.external_id;
      if (question == current) co_return current.revision;
      co_await detail::insert_revision(tx, schema_, id, current.revision + 1, question, actor);
      co_await detail::bump_bank(tx, schema_, actor);
      co_return current.revision + 1;
    });
  } catch (const db::Error&) {
    detail::rethrow_question_error(question);
  }
}

Awaitable<void> CatalogStore::delete_question(QuestionId id, std::string actor) {
  co_await db_->transaction([&](db::Transaction& tx) -> Awaitable<void> {
    co_await detail::lock_bank(tx, schema_);
    const db::Result deleted = co_await tx.query(
        sql("UPDATE catalog.questions SET deleted_at = now(), deleted_by = $2 WHERE id = $1 AND deleted_at IS NULL"),
        id, actor);
    if (deleted.affected_rows() == 0) throw NotFound("no question " + std::to_string(id));
    co_await detail::bump_bank(tx, schema_, actor);
  });
}

}  // namespace dt::catalog::store
