#include "account/api/registration.hpp"

#include <exception>

#include "account/api/account_events.hpp"
#include "log/log.hpp"

namespace dt::account::api {
namespace {

// Undo steps log instead of throwing: the error that made them necessary is the one the caller sees.
Awaitable<void> release_quietly(AccountApi& api, std::int64_t reservation) {
  try {
    co_await api.store.release(reservation);
  } catch (const std::exception& e) {
    log::warn("could not release a registration; the reconciler will",
              {{"reservation", reservation}, {"error", e.what()}});
  }
}

Awaitable<void> delete_user_quietly(AccountApi& api, const std::string& user_id) {
  try {
    co_await api.keycloak.delete_user(user_id);
  } catch (const std::exception& e) {
    log::warn("could not delete the Keycloak user of a failed registration; the reconciler will settle it",
              {{"user_id", user_id}, {"error", e.what()}});
  }
}

}  // namespace

Awaitable<domain::Profile> register_account(AccountApi& api, domain::Profile profile, std::string password,
                                            std::string trace_id) {
  const std::int64_t reservation = co_await api.store.reserve(profile);

  std::exception_ptr failure;
  try {
    keycloak::NewUser user;
    user.username = profile.username;
    user.email = profile.email;
    user.password = std::move(password);
    user.locale = std::string(domain::language_code(profile.language));
    profile.user_id = co_await api.keycloak.create_user(std::move(user));
  } catch (...) {
    failure = std::current_exception();
  }
  if (failure) {
    co_await release_quietly(api, reservation);
    std::rethrow_exception(failure);
  }

  try {
    auto event = user_registered(profile, std::move(trace_id));
    if (!co_await api.store.activate(reservation, profile.user_id, std::move(event))) {
      throw std::runtime_error("the registration's reservation disappeared before it was activated");
    }
  } catch (...) {
    failure = std::current_exception();
  }
  if (failure) {
    co_await delete_user_quietly(api, profile.user_id);
    co_await release_quietly(api, reservation);
    std::rethrow_exception(failure);
  }
  log::info("user registered", {{"user_id", profile.user_id}, {"username", profile.username}});
  co_return profile;
}

Awaitable<int> settle_pending_registrations(AccountApi& api, std::chrono::seconds grace) {
  int settled = 0;
  for (auto& pending : co_await api.store.pending_older_than(grace, 100)) {
    const auto user = co_await api.keycloak.find_by_username(pending.profile.username);
    if (user && user->email == pending.profile.email) {
      pending.profile.user_id = user->id;
      const auto event = user_registered(pending.profile, "reconciler");
      if (co_await api.store.activate(pending.id, user->id, event)) {
        log::info("pending registration completed", {{"user_id", user->id}, {"username", user->username}});
        ++settled;
      }
    } else {
      co_await api.store.release(pending.id);
      log::info("pending registration without a Keycloak user removed", {{"username", pending.profile.username}});
      ++settled;
    }
  }
  co_return settled;
}

}  // namespace dt::account::api
