#include "notification/store/notification_store.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <stdexcept>

#include "db/schema_name.hpp"

namespace dt::notification::store {
namespace {

// A timestamptz column as RFC 3339 UTC with milliseconds (empty for NULL).
std::string utc(std::string_view column) {
  return "coalesce(to_char(" + std::string(column) + " AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"'), '')";
}

const std::string kViewColumns =
    "event_id, event_type, kind, user_id, email, language, status, attempts, redrives, last_error, " +
    utc("event_time") + ", " + utc("created_at") + ", " + utc("updated_at") + ", " + utc("sent_at") + ", " +
    "CASE WHEN status IN ('queued', 'failed') THEN " + utc("next_attempt_at") + " ELSE '' END";

NotificationView view_of(const db::Row& row) {
  NotificationView view;
  view.event_id = row.get<std::string>(0);
  view.event_type = row.get<std::string>(1);
  view.kind = row.get<std::string>(2);
  view.user_id = row.get<std::string>(3);
  view.email = row.get<std::string>(4);
  view.language = row.get<std::string>(5);
  view.status = row.get<std::string>(6);
  view.attempts = row.get<std::int32_t>(7);
  view.redrives = row.get<std::int32_t>(8);
  view.last_error = row.get<std::string>(9);
  view.event_time = row.get<std::string>(10);
  view.created_at = row.get<std::string>(11);
  view.updated_at = row.get<std::string>(12);
  view.sent_at = row.get<std::string>(13);
  view.next_attempt_at = row.get<std::string>(14);
  return view;
}

// Inserts or updates a recipient, unless what is known came from a newer event. Parameters $first..$first+5:
// user_id, email, display_name, language, opt_in_exam_results (NULL: keep), event time.
std::string recipient_upsert(int first) {
  const auto p = [first](int n) { return "$" + std::to_string(first + n); };
  return "INSERT INTO notification.recipients (user_id, email, display_name, language, opt_in_exam_results,"
         " updated_from) VALUES (" +
         p(0) + ", " + p(1) + ", " + p(2) + ", " + p(3) + ", coalesce(" + p(4) + ", false), " + p(5) +
         ") ON CONFLICT (user_id) DO UPDATE SET email = EXCLUDED.email,"
         " display_name = EXCLUDED.display_name, language = EXCLUDED.language,"
         " opt_in_exam_results = coalesce(" +
         p(4) +
         ", notification.recipients.opt_in_exam_results),"
         " updated_from = EXCLUDED.updated_from, updated_at = now()"
         " WHERE notification.recipients.updated_from <= EXCLUDED.updated_from";
}

void append_recipient_params(db::Params& params, const RecipientUpdate& update) {
  const auto& r = update.recipient;
  params.emplace_back(r.user_id);
  params.emplace_back(r.email);
  params.emplace_back(r.display_name);
  params.emplace_back(std::string(domain::language_code(r.language)));
  params.emplace_back(update.opt_in_exam_results);
  params.emplace_back(update.event_time);
}

boost::json::object object_of(std::string_view json) {
  auto value = boost::json::parse(json);
  return value.is_object() ? std::move(value.as_object()) : boost::json::object{};
}

}  // namespace

Awaitable<db::MigrationReport> migrate_store(db::Database& db, std::string schema) {
  co_return co_await db::migrate_renamed(db, "notification", std::move(schema), DT_NOTIFICATION_MIGRATIONS_DIR);
}

NotificationStore::NotificationStore(db::Database& db, std::string schema) : db_(db), schema_(std::move(schema)) {
  if (!db::is_valid_schema_name(schema_)) throw std::invalid_argument("invalid schema name '" + schema_ + "'");
}

std::string NotificationStore::sql(std::string_view text) const {
  return db::rename_schema(text, "notification", schema_);
}

Awaitable<std::optional<domain::Recipient>> NotificationStore::recipient(std::string user_id) {
  const db::Result result = co_await db_.query(
      sql("SELECT user_id, email, display_name, language, opt_in_exam_results FROM notification.recipients"
          " WHERE user_id = $1"),
      user_id);
  if (result.empty()) co_return std::nullopt;
  domain::Recipient recipient;
  recipient.user_id = result[0].get<std::string>(0);
  recipient.email = result[0].get<std::string>(1);
  recipient.display_name = result[0].get<std::string>(2);
  recipient.language = domain::mail_language(result[0].get<std::string>(3));
  recipient.opt_in_exam_results = result[0].get<bool>(4);
  co_return recipient;
}

Awaitable<bool> NotificationStore::record(std::optional<RecipientUpdate> update, NewNotification notification) {
  // One statement (so one round trip, atomic without a transaction): the recipient's upsert as a data-modifying
  // CTE, then the notification's insert.
  const std::string upsert = "WITH recipient AS (" + recipient_upsert(16) + ") ";
  const std::string insert =
      "INSERT INTO notification.notifications (event_id, event_type, kind, user_id, email, display_name,"
      " language, template_values, payload, source_topic, source_partition, source_offset, status, last_error,"
      " event_time) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)"
      " ON CONFLICT (event_id) DO NOTHING";
  const auto& n = notification;
  db::Params params{n.event_id,
                    n.event_type,
                    n.kind,
                    n.user_id,
                    n.email,
                    n.display_name,
                    std::string(domain::language_code(n.language)),
                    db::Json(boost::json::serialize(n.values)),
                    n.payload,
                    n.topic,
                    n.partition,
                    n.offset,
                    std::string(domain::status_name(n.status)),
                    n.last_error,
                    n.event_time};
  if (update) append_recipient_params(params, *update);
  const std::string statement = sql(update ? upsert + insert : insert);
  const db::Result inserted = co_await db_.query(statement, std::move(params));
  co_return inserted.affected_rows() == 1;
}

Awaitable<void> NotificationStore::update_recipient(RecipientUpdate update) {
  db::Params params;
  append_recipient_params(params, update);
  const std::string statement = sql(recipient_upsert(1));
  co_await db_.query(statement, std::move(params));
}

Awaitable<std::vector<DueNotification>> NotificationStore::claim_due(int limit, std::chrono::seconds lease) {
  const std::int32_t max_rows = limit;
  const std::int64_t seconds = lease.count();
  const db::Result result = co_await db_.query(
      sql("UPDATE notification.notifications SET claimed_until = now() + make_interval(secs => $2)"
          " WHERE id IN (SELECT id FROM notification.notifications WHERE status IN ('queued', 'failed')"
          " AND next_attempt_at <= now() AND (claimed_until IS NULL OR claimed_until < now())"
          " ORDER BY next_attempt_at, id LIMIT $1 FOR UPDATE SKIP LOCKED)"
          " RETURNING event_id, event_type, kind, user_id, email, display_name, language, template_values::text,"
          " payload, source_topic, source_partition, source_offset, attempts"),
      max_rows, seconds);
  std::vector<DueNotification> due;
  due.reserve(result.size());
  for (const db::Row& row : result) {
    DueNotification n;
    n.event_id = row.get<std::string>(0);
    n.event_type = row.get<std::string>(1);
    n.kind = row.get<std::string>(2);
    n.user_id = row.get<std::string>(3);
    n.email = row.get<std::string>(4);
    n.display_name = row.get<std::string>(5);
    n.language = domain::mail_language(row.get<std::string>(6));
    n.values = object_of(row.text(7));
    n.payload = row.get<std::string>(8);
    n.topic = row.get<std::string>(9);
    n.partition = row.get<std::int32_t>(10);
    n.offset = row.get<std::int64_t>(11);
    n.attempts = row.get<std::int32_t>(12);
    due.push_back(std::move(n));
  }
  co_return due;
}

Awaitable<void> NotificationStore::mark_sent(std::string event_id, int attempts) {
  const std::int32_t made = attempts;
  co_await db_.query(sql("UPDATE notification.notifications SET status = 'sent', attempts = $2, last_error = '',"
                         " sent_at = now(), claimed_until = NULL, updated_at = now() WHERE event_id = $1"),
                     event_id, made);
}

Awaitable<void> NotificationStore::mark_failed(std::string event_id, int attempts, std::string error,
                                               std::chrono::milliseconds retry_in) {
  const std::int32_t made = attempts;
  const double seconds = static_cast<double>(retry_in.count()) / 1000.0;
  co_await db_.query(sql("UPDATE notification.notifications SET status = 'failed', attempts = $2, last_error = $3,"
                         " next_attempt_at = now() + make_interval(secs => $4), claimed_until = NULL,"
                         " updated_at = now() WHERE event_id = $1"),
                     event_id, made, error, seconds);
}

Awaitable<void> NotificationStore::mark_dead(std::string event_id, int attempts, std::string error) {
  const std::int32_t made = attempts;
  co_await db_.query(sql("UPDATE notification.notifications SET status = 'dead', attempts = $2, last_error = $3,"
                         " claimed_until = NULL, updated_at = now() WHERE event_id = $1"),
                     event_id, made, error);
}

Awaitable<NotificationPage> NotificationStore::list(NotificationFilter filter) {
  std::optional<std::string> status;
  if (filter.status) status = std::string(domain::status_name(*filter.status));
  const std::int32_t size = filter.size;
  const std::int64_t offset = static_cast<std::int64_t>(filter.page - 1) * filter.size;
  const std::string where = " WHERE ($1::text IS NULL OR status = $1) AND ($2::text IS NULL OR user_id = $2)";
  const db::Result rows = co_await db_.query(sql("SELECT " + kViewColumns + " FROM notification.notifications" + where +
                                                 " ORDER BY created_at DESC, id DESC LIMIT $3 OFFSET $4"),
                                             status, filter.user_id, size, offset);
  const db::Result count =
      co_await db_.query(sql("SELECT count(*) FROM notification.notifications" + where), status, filter.user_id);
  NotificationPage page;
  for (const db::Row& row : rows) page.items.push_back(view_of(row));
  page.total = count[0].get<std::int64_t>(0);
  co_return page;
}

Awaitable<std::optional<NotificationView>> NotificationStore::find(std::string event_id) {
  const db::Result result = co_await db_.query(
      sql("SELECT " + kViewColumns + " FROM notification.notifications WHERE event_id = $1"), event_id);
  if (result.empty()) co_return std::nullopt;
  co_return view_of(result[0]);
}

Awaitable<RedriveOutcome> NotificationStore::redrive(std::string event_id) {
  const db::Result requeued = co_await db_.query(
      sql("UPDATE notification.notifications SET status = 'queued', attempts = 0, next_attempt_at = now(),"
          " claimed_until = NULL, redrives = redrives + 1, updated_at = now()"
          " WHERE event_id = $1 AND status = 'dead'"),
      event_id);
  if (requeued.affected_rows() == 1) co_return RedriveOutcome::requeued;
  const db::Result exists =
      co_await db_.query(sql("SELECT 1 FROM notification.notifications WHERE event_id = $1"), event_id);
  co_return exists.empty() ? RedriveOutcome::not_found : RedriveOutcome::not_dead;
}

}  // namespace dt::notification::store
