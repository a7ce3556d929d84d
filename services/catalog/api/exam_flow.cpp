#include "catalog/api/exam_flow.hpp"

#include <boost/json/array.hpp>

#include "catalog/io/instant_json.hpp"

#include "catalog/bank/bank_cache.hpp"
#include "catalog/domain/exam_session.hpp"
#include "catalog/domain/leitner.hpp"
#include "catalog/store/catalog_store.hpp"
#include "errors/problem.hpp"

namespace dt::catalog::api {

Awaitable<LoadedExam> load_exam(CatalogApi& api, const std::string& id, const Caller& caller) {
  auto stored = co_await api.store.exam(id);
  if (!stored || (stored->user_id && stored->user_id != caller.user_id)) {
    throw Problem::not_found("there is no exam " + id);
  }
  co_return co_await load_exam(api, std::move(*stored));
}

Awaitable<LoadedExam> load_exam(CatalogApi& api, store::StoredExam stored_exam) {
  const store::StoredExam* stored = &stored_exam;
  const std::string& id = stored->id;
  auto snapshot = co_await api.bank.snapshot();
  std::optional<Blueprint> blueprint;
  if (const auto* b = snapshot->blueprint(stored->blueprint_code, stored->blueprint_version)) {
    blueprint = *b;
  } else {
    blueprint = co_await api.store.blueprint(stored->blueprint_code, stored->blueprint_version);
  }
  if (!blueprint) throw std::logic_error("exam " + id + " refers to a blueprint the store does not have");

  std::vector<Question> content(stored->drawn.size());
  std::vector<store::QuestionRef> missing;
  std::vector<std::size_t> missing_at;
  for (std::size_t i = 0; i < stored->drawn.size(); ++i) {
    const auto& d = stored->drawn[i];
    if (const auto* q = snapshot->question(stored->jurisdiction, d.id, d.revision)) {
      content[i] = *q;
    } else {
      missing.push_back({d.id, d.revision});
      missing_at.push_back(i);
    }
  }
  if (!missing.empty()) {
    auto older = co_await api.store.questions_by_ids(missing);
    for (std::size_t k = 0; k < older.size(); ++k) content[missing_at[k]] = std::move(older[k]);
  }
  co_return LoadedExam{std::move(stored_exam), std::move(*blueprint), std::move(content)};
}

Awaitable<void> save(CatalogApi& api, LoadedExam& loaded) {
  const auto before = loaded.exam.status;
  loaded.exam.status = store::exam_status(loaded.exam.session);
  const bool completed = before == store::ExamStatus::in_progress && loaded.exam.status != before;
  if (completed && loaded.exam.user_id && loaded.exam.session.result) {
    auto announce = exam_completed(loaded.exam);
    loaded.exam.version = co_await api.store.save_exam(loaded.exam, std::move(announce));
  } else {
    loaded.exam.version = co_await api.store.save_exam(loaded.exam);
  }
}

outbox::OutboxEvent exam_completed(const store::StoredExam& exam) {
  const auto& result = *exam.session.result;
  boost::json::array reasons;
  for (const auto& reason : result.fail_reasons) reasons.emplace_back(std::string(to_string(reason.kind)));
  outbox::OutboxEvent event;
  event.type = "exam.completed";
  event.subject = *exam.user_id;
  event.data = {{"user_id", *exam.user_id},
                {"exam_id", exam.id},
                {"blueprint", exam.blueprint_code},
                {"jurisdiction", exam.jurisdiction.value()},
                {"licence_class", exam.licence_class.value()},
                {"score", result.score},
                {"max_score", result.max_score},
                {"passed", result.passed},
                {"fail_reasons", std::move(reasons)},
                {"finish", std::string(store::to_string(exam.status))},
                {"started_at", io::format_instant(exam.session.started_at)},
                {"finished_at", exam.session.finished_at ? io::format_instant(*exam.session.finished_at) : ""}};
  return event;
}

Awaitable<bool> expire_if_due(CatalogApi& api, LoadedExam& loaded, TimePoint now) {
  if (!expire(loaded.exam.session, loaded.blueprint, loaded.content, now)) co_return false;
  co_await save(api, loaded);
  co_await record_learning(api, loaded, now);
  co_return true;
}

Awaitable<void> record_learning(CatalogApi& api, const LoadedExam& loaded, TimePoint now) {
  if (!loaded.exam.user_id || !loaded.exam.session.result) co_return;
  const std::string& user = *loaded.exam.user_id;
  const auto& outcomes = loaded.exam.session.result->questions;
  std::vector<store::AnswerEntry> entries;
  for (std::size_t i = 0; i < outcomes.size(); ++i) {
    const auto& recorded = loaded.exam.session.answers[i];
    if (!recorded) continue;  // unanswered questions say nothing about what the learner knows
    store::AnswerEntry entry;
    entry.question = outcomes[i].id;
    entry.revision = outcomes[i].revision;
    entry.correct = outcomes[i].outcome == Outcome::correct;
    entry.answered_at = recorded->answered_at;
    entry.source = store::AnswerSource::exam;
    entry.exam_id = loaded.exam.id;
    entries.push_back(std::move(entry));
  }
  if (entries.empty()) co_return;
  co_await record_answers(api, user, std::move(entries), now);
}

Awaitable<std::vector<std::optional<LeitnerCard>>> record_answers(CatalogApi& api, const std::string& user,
                                                                  std::vector<store::AnswerEntry> entries,
                                                                  TimePoint now) {
  co_await api.store.record_answers(user, entries);
  const auto cards = co_await api.store.leitner_cards(user);
  const Date today = std::chrono::floor<std::chrono::days>(now);
  std::vector<std::optional<LeitnerCard>> after;
  for (const auto& entry : entries) {
    std::optional<LeitnerCard> card;
    for (const auto& c : cards) {
      if (c.question == entry.question) card = c;
    }
    auto next = review(card, entry.question, entry.correct, today);
    if (next) {
      co_await api.store.save_leitner_card(user, *next);
    } else if (card) {
      co_await api.store.remove_leitner_card(user, entry.question);
    }
    after.push_back(next);
  }
  co_return after;
}

}  // namespace dt::catalog::api
