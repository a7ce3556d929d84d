#pragma once
// ProfileStore: the Account service's PostgreSQL tables (store/migrations), spelled for the schema "account"
// and renamed into the store's schema (tests use one schema each). Every change that announces an event writes
// the event into the outbox in the same transaction.
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "account/domain/profile.hpp"
#include "async/awaitable.hpp"
#include "db/database.hpp"
#include "db/migrations.hpp"
#include "outbox/outbox.hpp"

namespace dt::account::store {

// A username or e-mail address already taken; field() says which ("username" or "email").
class Taken : public std::runtime_error {
 public:
  explicit Taken(std::string field) : std::runtime_error(field + " taken"), field_(std::move(field)) {}
  const std::string& field() const { return field_; }

 private:
  std::string field_;
};

struct PendingRegistration {
  std::int64_t id = 0;
  domain::Profile profile;  // no user_id yet
};

struct ProfileChange {
  std::optional<std::string> display_name;
  std::optional<domain::Language> language;
  std::optional<std::string> target_class;
  std::optional<bool> opt_in_exam_results;
  std::optional<bool> opt_in_product_news;
};

Awaitable<db::MigrationReport> migrate_store(db::Database& db, std::string schema = "account");

class ProfileStore {
 public:
  // Throws std::invalid_argument for an invalid schema name.
  ProfileStore(db::Database& db, std::string schema);

  // Reserves username and e-mail for a registration in progress; throws Taken.
  Awaitable<std::int64_t> reserve(const domain::Profile& profile);
  // Completes a reservation with Keycloak's user id and records `event` (user.registered), atomically.
  // Returns false when the reservation no longer exists (the reconciler settled it).
  Awaitable<bool> activate(std::int64_t reservation, std::string user_id, outbox::OutboxEvent event);
  // Forgets a reservation whose Keycloak user was not (or no longer is) created.
  Awaitable<void> release(std::int64_t reservation);
  // Reservations older than `age`, oldest first, at most `limit`.
  Awaitable<std::vector<PendingRegistration>> pending_older_than(std::chrono::seconds age, int limit);

  Awaitable<std::optional<domain::Profile>> find(std::string user_id);
  Awaitable<std::vector<domain::Profile>> find_many(std::vector<std::string> user_ids);
  // The profile of a user Keycloak knows but this service does not (created in Keycloak's console, or the
  // demo users): created from the token's claims. Throws Taken if another row holds the username or e-mail.
  Awaitable<domain::Profile> find_or_adopt(std::string user_id, std::string username, std::string email);
  // The users of the active profiles other than user_id's that hold `username` or `email`.
  Awaitable<std::vector<std::string>> holders_of(std::string user_id, std::string username, std::string email);
  // Removes the profile and known addresses of a user Keycloak no longer has (deleted there, or its data reset
  // and the user created again under a new id), so that the name and e-mail can be adopted by the new one.
  Awaitable<void> remove_orphan(std::string user_id);
  // Applies the fields that are set and records event_of(updated profile) (user.profile_updated) in the same
  // transaction; returns the updated profile, nullopt for an unknown user.
  using EventOf = std::function<outbox::OutboxEvent(const domain::Profile&)>;
  Awaitable<std::optional<domain::Profile>> update(std::string user_id, ProfileChange change, EventOf event_of);

  // Notes that user_id signed in from ip; when the address is new and the user had signed in from another one
  // before, records `event` (user.signed_in_new_ip). Returns whether the event was recorded.
  Awaitable<bool> record_sign_in(std::string user_id, std::string ip, outbox::OutboxEvent event);
  // Records an event that goes with no row change of ours (user.password_changed: the change is Keycloak's).
  Awaitable<void> record_event(outbox::OutboxEvent event);

  const std::string& schema() const { return schema_; }

 private:
  std::string sql(std::string_view text) const;

  db::Database& db_;
  std::string schema_;
};

}  // namespace dt::account::store
