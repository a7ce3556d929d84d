// CatalogStore: the learner's answer log, Leitner queue and bookmarks.
#include <stdexcept>

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

#include "catalog/store/catalog_store.hpp"
#include "catalog/store/store_internal.hpp"

namespace dt::catalog::store {

namespace {

// In a catch handler: a question (or revision, or exam) that does not exist is NotFound.
[[noreturn]] void rethrow_missing(const std::string& what) {
  try {
    throw;
  } catch (const db::Unavailable&) {
    throw;
  } catch (const db::Error& e) {
    if (e.is_foreign_key_violation()) throw NotFound(what);
    throw;
  }
}

}  // namespace

Awaitable<void> CatalogStore::record_answers(std::string user_id, std::vector<AnswerEntry> entries) {
  if (entries.empty()) co_return;
  boost::json::array rows;
  rows.reserve(entries.size());
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const AnswerEntry& e = entries[i];
    if ((e.source == AnswerSource::exam) != e.exam_id.has_value()) {
      throw std::invalid_argument("an answer has an exam_id exactly when its source is exam");
    }
    if (e.exam_id && !detail::is_uuid(*e.exam_id)) throw NotFound("no exam " + *e.exam_id);
    boost::json::object row{{"ord", i},
                            {"question", e.question},
                            {"revision", e.revision},
                            {"correct", e.correct},
                            {"answered_at", detail::sql_instant(e.answered_at)},
                            {"source", to_string(e.source)}};
    if (e.exam_id) row["exam_id"] = *e.exam_id;
    rows.push_back(std::move(row));
  }
  const db::Json values(boost::json::serialize(rows));
  try {
    co_await db_->query(
        sql("INSERT INTO catalog.answer_log (user_id, question_id, revision, correct, answered_at, source, exam_id)"
            " SELECT $1, e.question, e.revision, e.correct, e.answered_at, e.source, e.exam_id"
            " FROM jsonb_to_recordset($2) AS e(ord int, question bigint, revision int, correct boolean,"
            "                                  answered_at timestamptz, source text, exam_id uuid)"
            " ORDER BY e.ord"
            " ON CONFLICT (exam_id, question_id) WHERE exam_id IS NOT NULL DO NOTHING"),
        user_id, values);
  } catch (const db::Error&) {
    rethrow_missing("an answer names a question revision or an exam that does not exist");
  }
}

Awaitable<std::vector<AnswerLogEntry>> CatalogStore::answer_log(std::string user_id) {
  const db::Result rows = co_await db_->query(
      sql("SELECT a.question_id, a.revision, q.topic, a.correct, catalog.epoch_us(a.answered_at) AS answered_us,"
          " a.source, a.exam_id::text AS exam_id"
          " FROM catalog.answer_log a JOIN catalog.questions q ON q.id = a.question_id"
          " WHERE a.user_id = $1 ORDER BY a.answered_at, a.id"),
      user_id);
  std::vector<AnswerLogEntry> log;
  log.reserve(rows.size());
  for (const db::Row& row : rows) {
    AnswerLogEntry entry;
    entry.question = row.get<std::int64_t>("question_id");
    entry.revision = row.get<std::int32_t>("revision");
    entry.topic = TopicCode(row.get<std::string>("topic"));
    entry.correct = row.get<bool>("correct");
    entry.answered_at = detail::instant_from_us(row.get<std::int64_t>("answered_us"));
    entry.source = parse_answer_source(row.get<std::string>("source")).value_or(AnswerSource::practice);
    entry.exam_id = row.get<std::optional<std::string>>("exam_id");
    log.push_back(std::move(entry));
  }
  co_return log;
}

Awaitable<std::vector<LeitnerCard>> CatalogStore::leitner_cards(std::string user_id) {
  const db::Result rows =
      co_await db_->query(sql("SELECT question_id, box, to_char(due, 'YYYY-MM-DD') AS due FROM catalog.leitner_cards"
                              " WHERE user_id = $1 ORDER BY due, question_id"),
                          user_id);
  std::vector<LeitnerCard> cards;
  cards.reserve(rows.size());
  for (const db::Row& row : rows) {
    const auto due = parse_date(row.get<std::string>("due"));
    if (!due) throw std::runtime_error("stored Leitner card has an unreadable due date");
    cards.push_back(LeitnerCard{row.get<std::int64_t>("question_id"), row.get<std::int32_t>("box"), *due});
  }
  co_return cards;
}

Awaitable<void> CatalogStore::save_leitner_card(std::string user_id, LeitnerCard card) {
  try {
    co_await db_->query(sql("INSERT INTO catalog.leitner_cards (user_id, question_id, box, due)"
                            " VALUES ($1, $2, $3, $4::date)"
                            " ON CONFLICT (user_id, question_id)"
                            " DO UPDATE SET box = EXCLUDED.box, due = EXCLUDED.due, updated_at = now()"),
                        user_id, card.question, card.box, format_date(card.due));
  } catch (const db::Error&) {
    rethrow_missing("no question " + std::to_string(card.question));
  }
}

Awaitable<bool> CatalogStore::remove_leitner_card(std::string user_id, QuestionId question) {
  const db::Result removed = co_await db_->query(
      sql("DELETE FROM catalog.leitner_cards WHERE user_id = $1 AND question_id = $2"), user_id, question);
  co_return removed.affected_rows() > 0;
}

Awaitable<std::vector<Bookmark>> CatalogStore::bookmarks(std::string user_id) {
  const db::Result rows =
      co_await db_->query(sql("SELECT question_id, catalog.epoch_us(created_at) AS created_us FROM catalog.bookmarks"
                              " WHERE user_id = $1 ORDER BY created_at DESC, question_id"),
                          user_id);
  std::vector<Bookmark> out;
  out.reserve(rows.size());
  for (const db::Row& row : rows) {
    out.push_back(Bookmark{row.get<std::int64_t>(0), detail::instant_from_us(row.get<std::int64_t>(1))});
  }
  co_return out;
}

Awaitable<bool> CatalogStore::add_bookmark(std::string user_id, QuestionId question) {
  try {
    const db::Result added = co_await db_->query(
        sql("INSERT INTO catalog.bookmarks (user_id, question_id) VALUES ($1, $2) ON CONFLICT DO NOTHING"), user_id,
        question);
    co_return added.affected_rows() > 0;
  } catch (const db::Error&) {
    rethrow_missing("no question " + std::to_string(question));
  }
}

Awaitable<bool> CatalogStore::remove_bookmark(std::string user_id, QuestionId question) {
  const db::Result removed = co_await db_->query(
      sql("DELETE FROM catalog.bookmarks WHERE user_id = $1 AND question_id = $2"), user_id, question);
  co_return removed.affected_rows() > 0;
}

}  // namespace dt::catalog::store
