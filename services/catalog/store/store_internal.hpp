#pragma once
// (internal) What the CatalogStore's source files share: instants and uuids as SQL text, the admin-write lock
// on bank_version, and the question and blueprint writes used by both the admin methods and import_bank.
#include <cstdint>
#include <string>
#include <string_view>

#include "async/awaitable.hpp"
#include "catalog/domain/blueprint.hpp"
#include "catalog/domain/date.hpp"
#include "catalog/domain/question.hpp"
#include "db/row.hpp"
#include "db/transaction.hpp"

namespace dt::catalog::store::detail {

// RFC 3339 UTC text ("2025-06-01T08:30:00.25Z"), which PostgreSQL reads as a timestamptz (to the microsecond).
std::string sql_instant(TimePoint instant);
// From catalog.epoch_us(column).
TimePoint instant_from_us(std::int64_t micros);
// 8-4-4-4-12 hex digits: anything else can not be an exam id (and would be an SQL error as a uuid).
bool is_uuid(std::string_view text);

// The columns every question read selects, for question_from_row; `r` is question_revisions, `q` questions.
inline constexpr std::string_view kQuestionColumns = "r.question_id AS id, r.revision, r.content";
Question question_from_row(const db::Row& row);

// Locks the bank_version row for the rest of the transaction (serializing admin writes) and returns it.
Awaitable<std::int64_t> lock_bank(db::Transaction& tx, const std::string& schema);
// Increments bank_version (already locked by lock_bank) and returns the new value.
Awaitable<std::int64_t> bump_bank(db::Transaction& tx, const std::string& schema, const std::string& actor);

// Inserts a question and its revision 1 from `question` (id and revision ignored; an empty external_id becomes
// "q-<id>") and returns the new id. db::Error on a taken external_id or an unknown topic.
Awaitable<QuestionId> insert_question(db::Transaction& tx, const std::string& schema, Question question,
                                      const std::string& actor);
// Inserts `revision` of question `id` with `question`'s content and makes it current (restoring a deleted
// question); the questions row takes its external_id, jurisdiction, topic and status.
Awaitable<void> insert_revision(db::Transaction& tx, const std::string& schema, QuestionId id, int revision,
                                Question question, const std::string& actor);
// The store's translation of constraint violations in question writes: a taken external_id is a Conflict, an
// unknown jurisdiction/topic an invalid field; anything else is rethrown as is.
[[noreturn]] void rethrow_question_error(const Question& question);

enum class WriteOutcome { created, revised, unchanged };

// Inserts blueprint (code, version), or replaces its content and restores it when deleted. Throws Conflict when
// the content differs and an exam used that version.
Awaitable<WriteOutcome> put_blueprint(db::Transaction& tx, const std::string& schema, const Blueprint& blueprint,
                                      const std::string& actor);

}  // namespace dt::catalog::store::detail
