#include "account/store/profile_store.hpp"

#include <stdexcept>

#include "db/schema_name.hpp"

namespace dt::account::store {
namespace {

constexpr std::string_view kColumns =
    "user_id, username, email, display_name, language, target_class, opt_in_exam_results, opt_in_product_news";

domain::Profile profile_of(const db::Row& row) {
  domain::Profile profile;
  profile.user_id = row.get<std::optional<std::string>>(0).value_or("");
  profile.username = row.get<std::string>(1);
  profile.email = row.get<std::string>(2);
  profile.display_name = row.get<std::string>(3);
  profile.language = domain::parse_language(row.get<std::string>(4)).value_or(domain::Language::vi);
  profile.target_class = row.get<std::string>(5);
  profile.opt_ins.exam_results = row.get<bool>(6);
  profile.opt_ins.product_news = row.get<bool>(7);
  return profile;
}

// A unique violation on the profiles table names the field that is taken.
[[noreturn]] void rethrow_taken(const db::Error& error) {
  if (error.is_unique_violation()) {
    if (error.constraint().find("email") != std::string::npos) throw Taken("email");
    if (error.constraint().find("username") != std::string::npos) throw Taken("username");
  }
  throw;
}

}  // namespace

Awaitable<db::MigrationReport> migrate_store(db::Database& db, std::string schema) {
  co_return co_await db::migrate_renamed(db, "account", std::move(schema), DT_ACCOUNT_MIGRATIONS_DIR);
}

ProfileStore::ProfileStore(db::Database& db, std::string schema) : db_(db), schema_(std::move(schema)) {
  if (!db::is_valid_schema_name(schema_)) throw std::invalid_argument("invalid schema name '" + schema_ + "'");
}

std::string ProfileStore::sql(std::string_view text) const { return db::rename_schema(text, "account", schema_); }

Awaitable<std::int64_t> ProfileStore::reserve(const domain::Profile& profile) {
  try {
    const std::string language(domain::language_code(profile.language));
    const db::Result result =
        co_await db_.query(sql("INSERT INTO account.profiles (username, email, display_name, language, state)"
                               " VALUES ($1, $2, $3, $4, 'pending') RETURNING id"),
                           profile.username, profile.email, profile.display_name, language);
    co_return result[0].get<std::int64_t>(0);
  } catch (const db::Unavailable&) {
    throw;
  } catch (const db::Error& error) {
    rethrow_taken(error);
  }
}

Awaitable<bool> ProfileStore::activate(std::int64_t reservation, std::string user_id, outbox::OutboxEvent event) {
  const std::string outbox_table = schema_ + ".outbox";
  co_return co_await db_.transaction([&](db::Transaction& tx) -> Awaitable<bool> {
    const db::Result updated =
        co_await tx.query(sql("UPDATE account.profiles SET user_id = $2, state = 'active', updated_at = now()"
                              " WHERE id = $1 AND state = 'pending'"),
                          reservation, user_id);
    if (updated.affected_rows() == 0) co_return false;
    co_await outbox::append(tx, outbox_table, event);
    co_return true;
  });
}

Awaitable<void> ProfileStore::release(std::int64_t reservation) {
  co_await db_.query(sql("DELETE FROM account.profiles WHERE id = $1 AND state = 'pending'"), reservation);
}

Awaitable<std::vector<PendingRegistration>> ProfileStore::pending_older_than(std::chrono::seconds age, int limit) {
  const std::int64_t seconds = age.count();
  const std::int32_t max_rows = limit;
  const db::Result result =
      co_await db_.query(sql("SELECT " + std::string(kColumns) +
                             ", id FROM account.profiles WHERE state = 'pending'"
                             " AND created_at < now() - make_interval(secs => $1) ORDER BY created_at LIMIT $2"),
                         seconds, max_rows);
  std::vector<PendingRegistration> pending;
  for (const db::Row& row : result) pending.push_back({row.get<std::int64_t>(8), profile_of(row)});
  co_return pending;
}

Awaitable<std::optional<domain::Profile>> ProfileStore::find(std::string user_id) {
  const db::Result result = co_await db_.query(
      sql("SELECT " + std::string(kColumns) + " FROM account.profiles WHERE user_id = $1 AND state = 'active'"),
      user_id);
  if (result.empty()) co_return std::nullopt;
  co_return profile_of(result[0]);
}

Awaitable<std::vector<domain::Profile>> ProfileStore::find_many(std::vector<std::string> user_ids) {
  std::vector<domain::Profile> profiles;
  if (user_ids.empty()) co_return profiles;
  std::string array = "{";
  for (std::size_t i = 0; i < user_ids.size(); ++i) {
    if (i > 0) array += ',';
    array += '"' + user_ids[i] + '"';  // Keycloak ids are UUIDs: no quotes or backslashes to escape
  }
  array += '}';
  const db::Result result = co_await db_.query(
      sql("SELECT " + std::string(kColumns) + " FROM account.profiles WHERE user_id = ANY ($1::text[])"), array);
  for (const db::Row& row : result) profiles.push_back(profile_of(row));
  co_return profiles;
}

Awaitable<domain::Profile> ProfileStore::find_or_adopt(std::string user_id, std::string username, std::string email) {
  if (auto existing = co_await find(user_id)) co_return *existing;
  try {
    const db::Result result = co_await db_.query(
        sql("INSERT INTO account.profiles (user_id, username, email, display_name, language, state)"
            " VALUES ($1, $2, $3, $2, 'vi', 'active') ON CONFLICT (user_id) DO UPDATE SET updated_at = now()"
            " RETURNING " +
            std::string(kColumns)),
        user_id, username, email);
    co_return profile_of(result[0]);
  } catch (const db::Unavailable&) {
    throw;
  } catch (const db::Error& error) {
    rethrow_taken(error);
  }
}

Awaitable<std::vector<std::string>> ProfileStore::holders_of(std::string user_id, std::string username,
                                                             std::string email) {
  const db::Result result =
      co_await db_.query(sql("SELECT user_id FROM account.profiles WHERE state = 'active' AND user_id <> $1"
                             " AND (username = $2 OR email = $3)"),
                         user_id, username, email);
  std::vector<std::string> holders;
  for (std::size_t i = 0; i < result.size(); ++i) holders.push_back(result[i].get<std::string>(0));
  co_return holders;
}

Awaitable<void> ProfileStore::remove_orphan(std::string user_id) {
  const std::string profiles = sql("DELETE FROM account.profiles WHERE user_id = $1 AND state = 'active'");
  const std::string addresses = sql("DELETE FROM account.known_ips WHERE user_id = $1");
  co_await db_.transaction([&](db::Transaction& tx) -> Awaitable<void> {
    co_await tx.query(profiles, user_id);
    co_await tx.query(addresses, user_id);
  });
}

Awaitable<std::optional<domain::Profile>> ProfileStore::update(std::string user_id, ProfileChange change,
                                                               EventOf event_of) {
  std::optional<std::string> language;
  if (change.language) language = std::string(domain::language_code(*change.language));
  const std::string statement =
      sql("UPDATE account.profiles SET display_name = coalesce($2, display_name),"
          " language = coalesce($3, language), target_class = coalesce($4, target_class),"
          " opt_in_exam_results = coalesce($5, opt_in_exam_results),"
          " opt_in_product_news = coalesce($6, opt_in_product_news), updated_at = now()"
          " WHERE user_id = $1 AND state = 'active' RETURNING " +
          std::string(kColumns));
  const std::string outbox_table = schema_ + ".outbox";
  co_return co_await db_.transaction([&](db::Transaction& tx) -> Awaitable<std::optional<domain::Profile>> {
    const db::Result result = co_await tx.query(statement, user_id, change.display_name, language, change.target_class,
                                                change.opt_in_exam_results, change.opt_in_product_news);
    if (result.empty()) co_return std::nullopt;
    auto profile = profile_of(result[0]);
    const auto event = event_of(profile);
    co_await outbox::append(tx, outbox_table, event);
    co_return profile;
  });
}

Awaitable<bool> ProfileStore::record_sign_in(std::string user_id, std::string ip, outbox::OutboxEvent event) {
  const std::string outbox_table = schema_ + ".outbox";
  co_return co_await db_.transaction([&](db::Transaction& tx) -> Awaitable<bool> {
    const db::Result upsert = co_await tx.query(
        sql("INSERT INTO account.known_ips (user_id, ip) VALUES ($1, $2::inet)"
            " ON CONFLICT (user_id, ip) DO UPDATE SET last_seen = now() RETURNING (xmax = 0) AS inserted"),
        user_id, ip);
    if (!upsert[0].get<bool>(0)) co_return false;
    const db::Result others = co_await tx.query(
        sql("SELECT EXISTS (SELECT 1 FROM account.known_ips WHERE user_id = $1 AND ip <> $2::inet)"), user_id, ip);
    if (!others[0].get<bool>(0)) co_return false;
    co_await outbox::append(tx, outbox_table, event);
    co_return true;
  });
}

Awaitable<void> ProfileStore::record_event(outbox::OutboxEvent event) {
  const std::string outbox_table = schema_ + ".outbox";
  co_await db_.transaction(
      [&](db::Transaction& tx) -> Awaitable<void> { co_await outbox::append(tx, outbox_table, event); });
}

}  // namespace dt::account::store
