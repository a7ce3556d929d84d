#pragma once
// CatalogStore: the Catalog's PostgreSQL repository (schema in store/migrations, applied by migrate_store).
//
//   dt::catalog::store::CatalogStore store(db);             // schema "catalog"
//   auto bank = co_await store.published_bank(JurisdictionCode("vn"));
//
// Questions are revisioned: changed content is a new row in question_revisions and the question points at it;
// exams keep the (id, revision) they drew, so later edits and deletes never change an exam or its grading.
// Deleting questions and blueprints is soft. Every admin change (import, question and blueprint writes) runs in
// one transaction that first locks the bank_version row, which serializes admin writes, and bumps
// bank_version when something changed (caches of the bank compare it).
//
// Blueprint versions that an exam used are frozen: changing their content (update_blueprint, or an import
// with different content for that (code, version)) throws Conflict; publish a new version instead. Unused
// versions are overwritten.
//
// Errors: NotFound / Conflict / ConcurrentModification (store_errors.hpp), db::Error and db::Unavailable from
// the database. Arguments passed by reference must stay alive until the returned awaitable completes.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "async/awaitable.hpp"
#include "catalog/domain/blueprint.hpp"
#include "catalog/domain/code.hpp"
#include "catalog/domain/date.hpp"
#include "catalog/domain/leitner.hpp"
#include "catalog/domain/question.hpp"
#include "catalog/domain/reference_data.hpp"
#include "catalog/domain/statistics.hpp"
#include "catalog/io/known_references.hpp"
#include "catalog/store/import_summary.hpp"
#include "catalog/store/learning_records.hpp"
#include "catalog/store/question_query.hpp"
#include "catalog/store/store_errors.hpp"
#include "catalog/store/stored_exam.hpp"
#include "db/database.hpp"
#include "outbox/outbox.hpp"

namespace dt::catalog::io {
struct BankDocument;
}

namespace dt::catalog::store {

class CatalogStore {
 public:
  // db must outlive the store; schema must be migrated (migrate_store) and a valid name (std::invalid_argument).
  explicit CatalogStore(db::Database& db, std::string schema = "catalog");

  const std::string& schema() const { return schema_; }

  // --- Reference data, by code.
  Awaitable<std::vector<Jurisdiction>> jurisdictions();
  Awaitable<std::vector<Topic>> topics(JurisdictionCode jurisdiction);  // by ordinal
  Awaitable<std::vector<LicenceClass>> licence_classes(JurisdictionCode jurisdiction);
  // Removes a topic no question uses (deleted ones included: their revisions keep it) and no blueprint quota
  // names; Conflict otherwise, NotFound when there is no such topic.
  Awaitable<void> delete_topic(JurisdictionCode jurisdiction, TopicCode code, std::string actor);
  // Every code the catalogue has, for parse_bank's cross checks.
  Awaitable<io::KnownReferences> known_references();

  // --- Bulk import, all or nothing (one transaction). The document is expected to be parse_bank's accepted
  // rows of a clean report. Upserts reference data by code, questions by external_id (changed content: a new
  // revision; a deleted question comes back), blueprints by (code, version). Throws Conflict for a changed
  // blueprint version that exams used (nothing is imported then).
  Awaitable<ImportSummary> import_bank(const io::BankDocument& document, std::string actor);

  // --- Questions. Reads give the domain Question with id and revision set.
  // Current revisions of the published, non-deleted questions of a jurisdiction, by id.
  Awaitable<std::vector<Question>> published_bank(JurisdictionCode jurisdiction);
  // The current revision; nullopt when there is no such question or it is deleted.
  Awaitable<std::optional<Question>> question(QuestionId id);
  // Any revision, deleted questions included (past exams show it).
  Awaitable<std::optional<Question>> question_revision(QuestionId id, int revision);
  // All revisions, oldest first; empty when there is no such question.
  Awaitable<std::vector<QuestionRevision>> question_revisions(QuestionId id);
  // The content of exactly these revisions, in the order asked (deleted questions included): what an exam
  // grades with. Throws NotFound when one does not exist.
  Awaitable<std::vector<Question>> questions_by_ids(std::vector<QuestionRef> refs);
  // Stores revision 1 and returns the new id (question.id and .revision are ignored). An empty external_id
  // becomes "q-<id>"; an existing one throws Conflict. Caller validates the content.
  Awaitable<QuestionId> create_question(Question question, std::string actor);
  // The revision now current: a new one when the content differs, else the current one (nothing written).
  // Throws NotFound for a missing or deleted question, Conflict for an external_id another question has.
  Awaitable<int> update_question(QuestionId id, Question question, std::string actor);
  // Soft delete; throws NotFound when there is no such (non-deleted) question.
  Awaitable<void> delete_question(QuestionId id, std::string actor);
  // The admin table: non-deleted questions of any status.
  Awaitable<QuestionPage> list_questions(QuestionFilter filter);
  // Ids of the published, non-deleted questions whose current revision shows the media `key` (the File
  // service asks before it deletes an object), ascending.
  Awaitable<std::vector<QuestionId>> questions_showing_media(std::string key);
  // Published, non-deleted questions whose text or options contain every word of `text` (any language, with or
  // without diacritics), best match first.
  Awaitable<std::vector<Question>> search(std::string text, std::optional<JurisdictionCode> jurisdiction,
                                          int limit = 20);

  // --- Blueprints.
  // Non-deleted versions, by jurisdiction, licence class, code, version.
  Awaitable<std::vector<Blueprint>> blueprints(std::optional<JurisdictionCode> jurisdiction = std::nullopt);
  // One version, deleted ones included (exams grade with the version they started with).
  Awaitable<std::optional<Blueprint>> blueprint(std::string code, int version);
  // Throws Conflict when (code, version) exists.
  Awaitable<void> create_blueprint(Blueprint blueprint, std::string actor);
  // Replaces (code, version)'s content. NotFound when missing or deleted; Conflict when exams used it and the
  // content differs.
  Awaitable<void> update_blueprint(Blueprint blueprint, std::string actor);
  // Soft delete: gone from blueprints(), still loadable by blueprint(). NotFound when missing or deleted.
  Awaitable<void> delete_blueprint(std::string code, int version, std::string actor);

  Awaitable<std::int64_t> bank_version();

  // --- Exams.
  // Inserts with version 1 and returns the exam as stored (id generated when empty). Conflict: the id exists.
  Awaitable<StoredExam> create_exam(StoredExam exam);
  // nullopt when there is no such exam (or id is not a uuid).
  Awaitable<std::optional<StoredExam>> exam(std::string id);
  // Writes the session and status (the drawn questions are fixed at create_exam) when exam.version is still
  // the stored version; returns the new version.
  // Throws ConcurrentModification when it moved, NotFound when the exam does not exist.
  Awaitable<int> save_exam(StoredExam exam);
  // The same, recording `announce` (exam.completed) in the outbox in the same transaction.
  Awaitable<int> save_exam(StoredExam exam, outbox::OutboxEvent announce);
  // The user's exams, newest first; page counts from 1, size is clamped to 1..kMaxPageSize.
  Awaitable<HistoryPage> history(std::string user_id, HistoryFilter filter, int page, int size);
  // In-progress exams whose deadline + kSubmitGrace is before `now`, oldest deadline first: for the sweeper.
  Awaitable<std::vector<std::string>> due_for_expiry(TimePoint now, int limit);
  // Question ids of the user's last `last_n_exams` exams (for the draw's recently_seen), ascending.
  Awaitable<std::vector<QuestionId>> recently_seen(std::string user_id, int last_n_exams);
  // The user's graded exams as statistics input, oldest first.
  Awaitable<std::vector<ExamRecord>> exam_records(std::string user_id);

  // --- Learning.
  Awaitable<void> record_answers(std::string user_id, std::vector<AnswerEntry> entries);
  // Oldest first (answered_at, then the order recorded).
  Awaitable<std::vector<AnswerLogEntry>> answer_log(std::string user_id);
  // By due date, then question id.
  Awaitable<std::vector<LeitnerCard>> leitner_cards(std::string user_id);
  // Inserts or replaces the user's card for card.question.
  Awaitable<void> save_leitner_card(std::string user_id, LeitnerCard card);
  // The question left the queue (leitner review() returned nullopt); false when it had no card.
  Awaitable<bool> remove_leitner_card(std::string user_id, QuestionId question);
  // Newest first.
  Awaitable<std::vector<Bookmark>> bookmarks(std::string user_id);
  // false when already bookmarked; NotFound when the question does not exist.
  Awaitable<bool> add_bookmark(std::string user_id, QuestionId question);
  // false when it was not bookmarked.
  Awaitable<bool> remove_bookmark(std::string user_id, QuestionId question);

 private:
  // Throws NotFound or ConcurrentModification for an exam whose update matched no row.
  Awaitable<void> throw_unsaved(const StoredExam& exam);
  // `text` with "catalog." qualified for this store's schema.
  std::string sql(std::string_view text) const;

  db::Database* db_;
  std::string schema_;
};

}  // namespace dt::catalog::store
