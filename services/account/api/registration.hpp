#pragma once
// Registering a user touches two systems, Keycloak (the identity) and PostgreSQL (the profile), and must never
// leave one without the other. The steps, each undone if a later one fails:
//   1. reserve the username and e-mail in PostgreSQL (a 'pending' profile row): a duplicate stops here;
//   2. create the Keycloak user: on failure, the reservation is released;
//   3. activate the profile with Keycloak's id and record user.registered, in one transaction: on failure,
//      the Keycloak user is deleted and the reservation released.
// When an undo step fails too (Keycloak or PostgreSQL gone at that moment), the row stays 'pending' and the
// reconciler settles it later: activated when Keycloak has the user, deleted when it has not.
#include <chrono>
#include <string>

#include "account/api/account_api.hpp"
#include "account/domain/profile.hpp"
#include "async/awaitable.hpp"

namespace dt::account::api {

// Returns the active profile (with its user_id). Throws store::Taken, keycloak::UserExists,
// keycloak::PasswordRejected, keycloak::KeycloakUnavailable, db::Unavailable.
Awaitable<domain::Profile> register_account(AccountApi& api, domain::Profile profile, std::string password,
                                            std::string trace_id);

// One pass of the reconciler over reservations older than `grace`; returns how many it settled.
Awaitable<int> settle_pending_registrations(AccountApi& api, std::chrono::seconds grace);

}  // namespace dt::account::api
