#pragma once
// NotificationStore: the Notification service's PostgreSQL tables (store/migrations), spelled for the schema
// "notification" and renamed into the store's schema (tests use one schema each).
//
// The consumer records each event it handles with record(), unique by event id, before its offset is
// committed; dispatchers claim due notifications (claim_due), send them and record the outcome (mark_*).
// Claims are leases: a dispatcher that dies mid-send leaves its rows claimed until the lease runs out, then
// another one takes them.
#include <boost/json/object.hpp>

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "async/awaitable.hpp"
#include "db/database.hpp"
#include "db/migrations.hpp"
#include "notification/domain/language.hpp"
#include "notification/domain/notification_status.hpp"
#include "notification/domain/recipient.hpp"

namespace dt::notification::store {

Awaitable<db::MigrationReport> migrate_store(db::Database& db, std::string schema = "notification");

// What an account event told about its user. opt_in_exam_results: only when the event carried it.
struct RecipientUpdate {
  domain::Recipient recipient;
  std::optional<bool> opt_in_exam_results;
  std::string event_time;  // RFC 3339: the newest update wins
};

struct NewNotification {
  std::string event_id;
  std::string event_type;
  std::string kind;  // domain::kind_name
  std::string user_id;
  std::string email;
  std::string display_name;
  domain::Language language = domain::Language::en;
  boost::json::object values;  // the template's values
  std::string payload;         // the message as received, for the dead-letter topic
  std::string topic;
  std::int32_t partition = -1;
  std::int64_t offset = -1;
  domain::NotificationStatus status = domain::NotificationStatus::queued;  // queued, skipped or dead
  std::string last_error;
  std::string event_time;  // RFC 3339
};

// A notification claimed for sending.
struct DueNotification {
  std::string event_id;
  std::string event_type;
  std::string kind;
  std::string user_id;
  std::string email;
  std::string display_name;
  domain::Language language = domain::Language::en;
  boost::json::object values;
  std::string payload;
  std::string topic;
  std::int32_t partition = -1;
  std::int64_t offset = -1;
  int attempts = 0;  // attempts made before this one
};

// A notification as the admin API shows it. Times are RFC 3339 UTC; empty when not set.
struct NotificationView {
  std::string event_id;
  std::string event_type;
  std::string kind;
  std::string user_id;
  std::string email;
  std::string language;
  std::string status;
  int attempts = 0;
  int redrives = 0;
  std::string last_error;
  std::string event_time;
  std::string created_at;
  std::string updated_at;
  std::string sent_at;
  std::string next_attempt_at;  // set while queued or failed
};

inline constexpr int kMaxPageSize = 200;

struct NotificationFilter {
  std::optional<domain::NotificationStatus> status;
  std::optional<std::string> user_id;
  int page = 1;  // from 1
  int size = 50;
};

struct NotificationPage {
  std::vector<NotificationView> items;  // newest first
  std::int64_t total = 0;
};

enum class RedriveOutcome { requeued, not_found, not_dead };

class NotificationStore {
 public:
  // Throws std::invalid_argument for an invalid schema name.
  NotificationStore(db::Database& db, std::string schema);

  Awaitable<std::optional<domain::Recipient>> recipient(std::string user_id);

  // Atomically (one statement): applies `update` (when given and newer than what is known), then inserts the
  // notification unless one with its event id exists. Returns whether it was inserted.
  Awaitable<bool> record(std::optional<RecipientUpdate> update, NewNotification notification);

  // Applies `update` when it is newer than what is known (user.profile_updated: no notification).
  Awaitable<void> update_recipient(RecipientUpdate update);

  // Claims up to `limit` notifications that are queued or failed, due, and not claimed (or whose claim ran
  // out), oldest due first, for `lease`. Concurrent callers never get the same row.
  Awaitable<std::vector<DueNotification>> claim_due(int limit, std::chrono::seconds lease);
  // The outcome of an attempt; each counts it (attempts = made so far) and releases the claim.
  Awaitable<void> mark_sent(std::string event_id, int attempts);
  Awaitable<void> mark_failed(std::string event_id, int attempts, std::string error,
                              std::chrono::milliseconds retry_in);
  Awaitable<void> mark_dead(std::string event_id, int attempts, std::string error);

  Awaitable<NotificationPage> list(NotificationFilter filter);
  Awaitable<std::optional<NotificationView>> find(std::string event_id);
  // A dead notification back to queued, with its attempts reset.
  Awaitable<RedriveOutcome> redrive(std::string event_id);

  const std::string& schema() const { return schema_; }

 private:
  std::string sql(std::string_view text) const;

  db::Database& db_;
  std::string schema_;
};

}  // namespace dt::notification::store
