// CatalogStore: reading questions (current and past revisions, the admin table, full-text search).
#include <algorithm>
#include <map>
#include <utility>

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

#include "catalog/store/catalog_store.hpp"
#include "catalog/store/store_internal.hpp"

namespace dt::catalog::store {

namespace {

// Questions joined with their current revision.
constexpr std::string_view kCurrent =
    " FROM catalog.questions q"
    " JOIN catalog.question_revisions r ON r.question_id = q.id AND r.revision = q.current_revision ";

template <class Tag>
std::optional<std::string> text_of(const std::optional<Code<Tag>>& code) {
  if (!code) return std::nullopt;
  return code->value();
}

bool blank(const std::string& text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return c == ' ' || (c >= '\t' && c <= '\r'); });
}

std::vector<Question> questions_of(const db::Result& rows) {
  std::vector<Question> out;
  out.reserve(rows.size());
  for (const db::Row& row : rows) out.push_back(detail::question_from_row(row));
  return out;
}

}  // namespace

Awaitable<std::vector<Question>> CatalogStore::published_bank(JurisdictionCode jurisdiction) {
  const db::Result rows = co_await db_->query(
      sql("SELECT " + std::string(detail::kQuestionColumns) + std::string(kCurrent) +
          "WHERE q.jurisdiction = $1 AND q.status = 'published' AND q.deleted_at IS NULL ORDER BY q.id"),
      jurisdiction.value());
  co_return questions_of(rows);
}

Awaitable<std::vector<QuestionId>> CatalogStore::questions_showing_media(std::string key) {
  const db::Result rows = co_await db_->query(
      sql("SELECT q.id" + std::string(kCurrent) +
          "WHERE q.status = 'published' AND q.deleted_at IS NULL"
          " AND r.content -> 'media' @> jsonb_build_array(jsonb_build_object('key', $1::text)) ORDER BY q.id"),
      key);
  std::vector<QuestionId> ids;
  ids.reserve(rows.size());
  for (const db::Row& row : rows) ids.push_back(row.get<std::int64_t>("id"));
  co_return ids;
}

Awaitable<std::optional<Question>> CatalogStore::question(QuestionId id) {
  const db::Result rows = co_await db_->query(sql("SELECT " + std::string(detail::kQuestionColumns) +
                                                  std::string(kCurrent) + "WHERE q.id = $1 AND q.deleted_at IS NULL"),
                                              id);
  if (rows.empty()) co_return std::nullopt;
  co_return detail::question_from_row(rows[0]);
}

Awaitable<std::optional<Question>> CatalogStore::question_revision(QuestionId id, int revision) {
  const db::Result rows =
      co_await db_->query(sql("SELECT " + std::string(detail::kQuestionColumns) +
                              " FROM catalog.question_revisions r WHERE r.question_id = $1 AND r.revision = $2"),
                          id, revision);
  if (rows.empty()) co_return std::nullopt;
  co_return detail::question_from_row(rows[0]);
}

Awaitable<std::vector<QuestionRevision>> CatalogStore::question_revisions(QuestionId id) {
  const db::Result rows =
      co_await db_->query(sql("SELECT " + std::string(detail::kQuestionColumns) +
                              ", catalog.epoch_us(r.created_at) AS created_us, r.created_by"
                              " FROM catalog.question_revisions r WHERE r.question_id = $1 ORDER BY r.revision"),
                          id);
  std::vector<QuestionRevision> out;
  out.reserve(rows.size());
  for (const db::Row& row : rows) {
    out.push_back(QuestionRevision{detail::question_from_row(row),
                                   detail::instant_from_us(row.get<std::int64_t>("created_us")),
                                   row.get<std::string>("created_by")});
  }
  co_return out;
}

Awaitable<std::vector<Question>> CatalogStore::questions_by_ids(std::vector<QuestionRef> refs) {
  if (refs.empty()) co_return std::vector<Question>{};
  boost::json::array keys;
  keys.reserve(refs.size());
  for (const QuestionRef& ref : refs) keys.push_back(boost::json::object{{"id", ref.id}, {"revision", ref.revision}});
  const db::Json wanted(boost::json::serialize(keys));
  const db::Result rows =
      co_await db_->query(sql("SELECT " + std::string(detail::kQuestionColumns) +
                              " FROM catalog.question_revisions r"
                              " WHERE (r.question_id, r.revision) IN"
                              " (SELECT k.id, k.revision FROM jsonb_to_recordset($1) AS k(id bigint, revision int))"),
                          wanted);
  std::map<std::pair<QuestionId, int>, Question> found;
  for (const db::Row& row : rows) {
    Question q = detail::question_from_row(row);
    auto key = std::make_pair(q.id, q.revision);
    found.emplace(key, std::move(q));
  }
  std::vector<Question> out;
  out.reserve(refs.size());
  for (const QuestionRef& ref : refs) {
    const auto it = found.find(std::make_pair(ref.id, ref.revision));
    if (it == found.end()) {
      throw NotFound("question " + std::to_string(ref.id) + " has no revision " + std::to_string(ref.revision));
    }
    out.push_back(it->second);
  }
  co_return out;
}

Awaitable<QuestionPage> CatalogStore::list_questions(QuestionFilter filter) {
  const int size = std::clamp(filter.size, 1, kMaxPageSize);
  const int page = std::max(filter.page, 1);
  std::optional<std::string> text = filter.text;
  if (text && blank(*text)) text.reset();
  std::optional<std::string> status;
  if (filter.status) status = std::string(to_string(*filter.status));
  const db::Params params{text_of(filter.jurisdiction),
                          text_of(filter.topic),
                          status,
                          text,
                          size,
                          static_cast<std::int64_t>(page - 1) * size};
  const db::Result rows = co_await db_->query(
      sql("WITH matches AS (SELECT q.id, q.external_id, r.revision, r.content" + std::string(kCurrent) +
          "  WHERE q.deleted_at IS NULL"
          "    AND ($1::text IS NULL OR q.jurisdiction = $1)"
          "    AND ($2::text IS NULL OR q.topic = $2)"
          "    AND ($3::text IS NULL OR q.status = $3)"
          "    AND ($4::text IS NULL OR r.search @@ catalog.search_query($4) OR q.external_id = $4))"
          " SELECT t.total, p.id, p.revision, p.content"
          " FROM (SELECT count(*) AS total FROM matches) t"
          " LEFT JOIN LATERAL (SELECT id, revision, content FROM matches ORDER BY external_id, id"
          "                    LIMIT $5 OFFSET $6) p ON true"),
      params);
  QuestionPage out;
  for (const db::Row& row : rows) {
    out.total = row.get<std::int64_t>("total");
    if (!row.is_null("id")) out.items.push_back(detail::question_from_row(row));
  }
  co_return out;
}

Awaitable<std::vector<Question>> CatalogStore::search(std::string text, std::optional<JurisdictionCode> jurisdiction,
                                                      int limit) {
  if (blank(text) || limit <= 0) co_return std::vector<Question>{};
  const db::Params params{text, text_of(jurisdiction), std::min(limit, kMaxPageSize)};
  const db::Result rows =
      co_await db_->query(sql("SELECT " + std::string(detail::kQuestionColumns) + std::string(kCurrent) +
                              ", catalog.search_query($1) query"
                              " WHERE r.search @@ query AND q.status = 'published' AND q.deleted_at IS NULL"
                              "   AND ($2::text IS NULL OR q.jurisdiction = $2)"
                              " ORDER BY ts_rank(r.search, query) DESC, q.id LIMIT $3"),
                          params);
  co_return questions_of(rows);
}

}  // namespace dt::catalog::store
