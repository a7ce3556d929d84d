// CatalogStore: exams (optimistic concurrency on `version`), history, the expiry sweep's query, and what the
// draw and the statistics need from past exams.
#include <algorithm>
#include <stdexcept>

#include "catalog/store/catalog_store.hpp"
#include "catalog/store/content_codec.hpp"
#include "catalog/store/store_internal.hpp"

namespace dt::catalog::store {

namespace {

std::optional<std::string> optional_instant(const std::optional<TimePoint>& instant) {
  if (!instant) return std::nullopt;
  return detail::sql_instant(*instant);
}

std::optional<TimePoint> optional_instant_of(const db::Row& row, std::string_view column) {
  const auto micros = row.get<std::optional<std::int64_t>>(column);
  if (!micros) return std::nullopt;
  return detail::instant_from_us(*micros);
}

ExamStatus status_of(const db::Row& row) {
  const auto status = parse_exam_status(row.get<std::string>("status"));
  if (!status) throw std::runtime_error("stored exam has an unknown status");
  return *status;
}

// The values of the columns that repeat the session, $1.. in this order: status, started_at, deadline,
// finished_at, passed, score, max_score, drawn, session.
db::Params session_columns(const StoredExam& exam) {
  const ExamSession& s = exam.session;
  std::optional<bool> passed;
  std::optional<int> score;
  std::optional<int> max_score;
  if (s.result) {
    passed = s.result->passed;
    score = s.result->score;
    max_score = s.result->max_score;
  }
  return db::Params{std::string(to_string(exam.status)),
                    detail::sql_instant(s.started_at),
                    detail::sql_instant(s.deadline),
                    optional_instant(s.finished_at),
                    passed,
                    score,
                    max_score,
                    db::Json(detail::drawn_content(exam.drawn)),
                    db::Json(detail::session_content(s))};
}

StoredExam exam_of(const db::Row& row) {
  StoredExam exam;
  exam.id = row.get<std::string>("id");
  exam.user_id = row.get<std::optional<std::string>>("user_id");
  exam.jurisdiction = JurisdictionCode(row.get<std::string>("jurisdiction"));
  exam.licence_class = LicenceClassCode(row.get<std::string>("licence_class"));
  exam.blueprint_code = row.get<std::string>("blueprint_code");
  exam.blueprint_version = row.get<std::int32_t>("blueprint_version");
  exam.seed = static_cast<std::uint64_t>(row.get<std::int64_t>("seed"));
  exam.drawn = detail::drawn_from_content(row.get<std::string>("drawn"));
  exam.session = detail::session_from_content(row.get<std::string>("session"));
  exam.status = status_of(row);
  exam.version = row.get<std::int32_t>("version");
  return exam;
}

}  // namespace

Awaitable<StoredExam> CatalogStore::create_exam(StoredExam exam) {
  if (!exam.id.empty() && !detail::is_uuid(exam.id)) throw std::invalid_argument("exam id is not a uuid: " + exam.id);
  db::Params params = session_columns(exam);
  params.insert(params.end(), {exam.id, exam.user_id, exam.jurisdiction.value(), exam.licence_class.value(),
                               exam.blueprint_code, exam.blueprint_version, static_cast<std::int64_t>(exam.seed)});
  try {
    const db::Result rows = co_await db_->query(
        sql("INSERT INTO catalog.exams (status, started_at, deadline, finished_at, passed, score, max_score, drawn,"
            " session, id, user_id, jurisdiction, licence_class, blueprint_code, blueprint_version, seed, version)"
            " VALUES ($1, $2::timestamptz, $3::timestamptz, $4::timestamptz, $5, $6, $7, $8, $9,"
            " coalesce(nullif($10::text, '')::uuid, gen_random_uuid()), $11, $12, $13, $14, $15, $16, 1)"
            " RETURNING id::text AS id"),
        params);
    exam.id = rows[0].get<std::string>("id");
  } catch (const db::Unavailable&) {
    throw;
  } catch (const db::Error& e) {
    if (e.is_unique_violation()) throw Conflict("an exam with id " + exam.id + " already exists");
    if (e.is_foreign_key_violation()) {
      throw NotFound("no blueprint " + exam.blueprint_code + " version " + std::to_string(exam.blueprint_version));
    }
    throw;
  }
  exam.version = 1;
  co_return exam;
}

Awaitable<std::optional<StoredExam>> CatalogStore::exam(std::string id) {
  if (!detail::is_uuid(id)) co_return std::nullopt;
  const db::Result rows = co_await db_->query(
      sql("SELECT id::text AS id, user_id, jurisdiction, licence_class, blueprint_code, blueprint_version, seed,"
          " status, drawn, session, version FROM catalog.exams WHERE id = $1::uuid"),
      id);
  if (rows.empty()) co_return std::nullopt;
  co_return exam_of(rows[0]);
}

namespace {

constexpr std::string_view kSaveExam =
    "UPDATE catalog.exams SET status = $1, started_at = $2::timestamptz, deadline = $3::timestamptz,"
    " finished_at = $4::timestamptz, passed = $5, score = $6, max_score = $7, session = $8,"
    " version = version + 1, updated_at = now()"
    " WHERE id = $9::uuid AND version = $10 RETURNING version";

db::Params save_params(const StoredExam& exam) {
  db::Params params = session_columns(exam);
  params.erase(params.begin() + 7);  // the drawn questions never change after create_exam: not rewritten
  params.insert(params.end(), {exam.id, exam.version});
  return params;
}

}  // namespace

Awaitable<int> CatalogStore::save_exam(StoredExam exam) {
  if (!detail::is_uuid(exam.id)) throw NotFound("no exam " + exam.id);
  const std::string statement = sql(kSaveExam);
  db::Params params = save_params(exam);
  const db::Result saved = co_await db_->query(statement, std::move(params));
  if (!saved.empty()) co_return saved[0].get<std::int32_t>(0);
  co_await throw_unsaved(exam);
  co_return 0;
}

Awaitable<int> CatalogStore::save_exam(StoredExam exam, outbox::OutboxEvent announce) {
  if (!detail::is_uuid(exam.id)) throw NotFound("no exam " + exam.id);
  const std::string statement = sql(kSaveExam);
  const std::string outbox_table = schema_ + ".outbox";
  const std::optional<int> version =
      co_await db_->transaction([&](db::Transaction& tx) -> Awaitable<std::optional<int>> {
        db::Params params = save_params(exam);
        const db::Result saved = co_await tx.query(statement, std::move(params));
        if (saved.empty()) co_return std::nullopt;
        co_await outbox::append(tx, outbox_table, announce);
        co_return saved[0].get<std::int32_t>(0);
      });
  if (version) co_return *version;
  co_await throw_unsaved(exam);
  co_return 0;
}

Awaitable<void> CatalogStore::throw_unsaved(const StoredExam& exam) {
  const db::Result current = co_await db_->query(sql("SELECT version FROM catalog.exams WHERE id = $1::uuid"), exam.id);
  if (current.empty()) throw NotFound("no exam " + exam.id);
  throw ConcurrentModification("exam " + exam.id + " is at version " + std::to_string(current[0].get<std::int32_t>(0)) +
                               ", not " + std::to_string(exam.version));
}

Awaitable<HistoryPage> CatalogStore::history(std::string user_id, HistoryFilter filter, int page, int size) {
  size = std::clamp(size, 1, kMaxPageSize);
  page = std::max(page, 1);
  std::optional<std::string> jurisdiction;
  if (filter.jurisdiction) jurisdiction = filter.jurisdiction->value();
  std::optional<std::string> licence_class;
  if (filter.licence_class) licence_class = filter.licence_class->value();
  const db::Params params{user_id,
                          licence_class,
                          optional_instant(filter.from),
                          optional_instant(filter.to),
                          size,
                          static_cast<std::int64_t>(page - 1) * size,
                          jurisdiction};
  const db::Result rows = co_await db_->query(
      sql("WITH matches AS (SELECT id, jurisdiction, licence_class, blueprint_code, blueprint_version, status,"
          "   started_at, deadline, finished_at, passed, score, max_score FROM catalog.exams"
          "  WHERE user_id = $1 AND ($2::text IS NULL OR licence_class = $2) AND ($7::text IS NULL OR jurisdiction = "
          "$7)"
          "    AND ($3::timestamptz IS NULL OR started_at >= $3) AND ($4::timestamptz IS NULL OR started_at < $4))"
          " SELECT t.total, p.* FROM (SELECT count(*) AS total FROM matches) t"
          " LEFT JOIN LATERAL (SELECT id::text AS id, jurisdiction, licence_class, blueprint_code, blueprint_version,"
          "   status, catalog.epoch_us(started_at) AS started_us, catalog.epoch_us(deadline) AS deadline_us,"
          "   catalog.epoch_us(finished_at) AS finished_us, passed, score, max_score"
          "   FROM matches ORDER BY started_at DESC, id DESC LIMIT $5 OFFSET $6) p ON true"),
      params);
  HistoryPage out;
  for (const db::Row& row : rows) {
    out.total = row.get<std::int64_t>("total");
    if (row.is_null("id")) continue;
    ExamSummary summary;
    summary.id = row.get<std::string>("id");
    summary.jurisdiction = JurisdictionCode(row.get<std::string>("jurisdiction"));
    summary.licence_class = LicenceClassCode(row.get<std::string>("licence_class"));
    summary.blueprint_code = row.get<std::string>("blueprint_code");
    summary.blueprint_version = row.get<std::int32_t>("blueprint_version");
    summary.status = status_of(row);
    summary.started_at = detail::instant_from_us(row.get<std::int64_t>("started_us"));
    summary.deadline = detail::instant_from_us(row.get<std::int64_t>("deadline_us"));
    summary.finished_at = optional_instant_of(row, "finished_us");
    summary.passed = row.get<std::optional<bool>>("passed");
    summary.score = row.get<std::optional<std::int32_t>>("score");
    summary.max_score = row.get<std::optional<std::int32_t>>("max_score");
    out.items.push_back(std::move(summary));
  }
  co_return out;
}

Awaitable<std::vector<std::string>> CatalogStore::due_for_expiry(TimePoint now, int limit) {
  const double grace = std::chrono::duration<double>(kSubmitGrace).count();
  const db::Params params{detail::sql_instant(now), grace, std::clamp(limit, 0, 10'000)};
  const db::Result rows =
      co_await db_->query(sql("SELECT id::text FROM catalog.exams"
                              " WHERE status = 'in_progress' AND deadline < $1::timestamptz - make_interval(secs => $2)"
                              " ORDER BY deadline, id LIMIT $3"),
                          params);
  std::vector<std::string> ids;
  ids.reserve(rows.size());
  for (const db::Row& row : rows) ids.push_back(row.get<std::string>(0));
  co_return ids;
}

Awaitable<std::vector<QuestionId>> CatalogStore::recently_seen(std::string user_id, int last_n_exams) {
  if (last_n_exams <= 0) co_return std::vector<QuestionId>{};
  const db::Result rows = co_await db_->query(sql("SELECT DISTINCT (d.question ->> 'id')::bigint AS id"
                                                  " FROM (SELECT drawn FROM catalog.exams WHERE user_id = $1"
                                                  "       ORDER BY started_at DESC, id DESC LIMIT $2) e,"
                                                  " jsonb_array_elements(e.drawn) AS d(question) ORDER BY 1"),
                                              user_id, last_n_exams);
  std::vector<QuestionId> ids;
  ids.reserve(rows.size());
  for (const db::Row& row : rows) ids.push_back(row.get<std::int64_t>(0));
  co_return ids;
}

Awaitable<std::vector<ExamRecord>> CatalogStore::exam_records(std::string user_id) {
  const db::Result rows = co_await db_->query(
      sql("SELECT blueprint_code, catalog.epoch_us(finished_at) AS finished_us, session -> 'result' AS result"
          " FROM catalog.exams WHERE user_id = $1 AND status <> 'in_progress'"
          "   AND jsonb_typeof(session -> 'result') = 'object'"
          " ORDER BY finished_at, id"),
      user_id);
  std::vector<ExamRecord> records;
  records.reserve(rows.size());
  for (const db::Row& row : rows) {
    const ExamResult result = detail::result_from_content(row.get<std::string>("result"));
    ExamRecord record;
    record.finished_at = optional_instant_of(row, "finished_us").value_or(TimePoint{});
    record.blueprint_code = row.get<std::string>("blueprint_code");
    record.passed = result.passed;
    record.score = result.score;
    record.max_score = result.max_score;
    record.topics = result.topics;
    records.push_back(std::move(record));
  }
  co_return records;
}

}  // namespace dt::catalog::store
