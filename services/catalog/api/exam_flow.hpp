#pragma once
// The steps every exam route shares: load an exam the caller may see, with its blueprint and its questions at
// the drawn revisions; save it back; after grading, feed a signed-in learner's history and review queue.
#include <optional>
#include <string>
#include <vector>

#include "async/awaitable.hpp"
#include "catalog/api/caller.hpp"
#include "catalog/api/catalog_api.hpp"
#include "catalog/domain/blueprint.hpp"
#include "catalog/domain/leitner.hpp"
#include "catalog/domain/question.hpp"
#include "catalog/store/learning_records.hpp"
#include "catalog/store/stored_exam.hpp"
#include "outbox/outbox.hpp"

namespace dt::catalog::api {

struct LoadedExam {
  store::StoredExam exam;
  Blueprint blueprint;
  std::vector<Question> content;  // exam order, drawn revisions
};

// 404 when there is no such exam or it belongs to someone else (an exam id is not proof of ownership of
// another user's exam; anonymous exams are reachable by their unguessable id).
Awaitable<LoadedExam> load_exam(CatalogApi& api, const std::string& id, const Caller& caller);
// The same for an exam already read from the store, whoever owns it (the expiry sweeper).
Awaitable<LoadedExam> load_exam(CatalogApi& api, store::StoredExam stored);

// Grades an exam whose time ran out (deadline + grace) and saves it; true when it did.
Awaitable<bool> expire_if_due(CatalogApi& api, LoadedExam& loaded, TimePoint now);

// exam.completed for a signed-in learner's graded exam (docs/events.md), recorded with the grading.
outbox::OutboxEvent exam_completed(const store::StoredExam& exam);

// Saves the session; a concurrent change of the same exam (two tabs) is a 409 the client retries. The save
// that grades a signed-in learner's exam records exam.completed in the same transaction.
Awaitable<void> save(CatalogApi& api, LoadedExam& loaded);

// After grading a signed-in learner's exam: log each answer and move the questions in the review queue.
Awaitable<void> record_learning(CatalogApi& api, const LoadedExam& loaded, TimePoint now);

// Logs a signed-in learner's answers (exam or practice) and moves each question in their review queue
// (Leitner); returns each question's card afterwards (nullopt: out of the queue).
Awaitable<std::vector<std::optional<LeitnerCard>>> record_answers(CatalogApi& api, const std::string& user,
                                                                  std::vector<store::AnswerEntry> entries,
                                                                  TimePoint now);

}  // namespace dt::catalog::api
