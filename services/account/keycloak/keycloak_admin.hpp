#pragma once
// KeycloakAdmin: the few calls of Keycloak's admin REST API the Account service needs, made with the
// service account of the confidential client drivetest-account (client credentials grant; the token is cached
// until shortly before it expires). Its roles are manage-users, view-users and query-users, nothing else.
// Every call throws KeycloakUnavailable when Keycloak cannot be reached or fails.
#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "account/keycloak/keycloak_errors.hpp"
#include "async/awaitable.hpp"
#include "http_client/http_client.hpp"

namespace dt::account::keycloak {

struct KeycloakOptions {
  std::string base_url = "http://127.0.0.1:28180";
  std::string realm = "drivetest";
  std::string client_id = "drivetest-account";
  std::string client_secret;
  std::chrono::milliseconds timeout{5000};
};

struct KeycloakUser {
  std::string id;
  std::string username;
  std::string email;
  bool enabled = true;
  bool email_verified = false;
  std::int64_t created_ms = 0;  // createdTimestamp, Unix milliseconds
};

struct NewUser {
  std::string username;
  std::string email;
  std::string password;
  std::string locale;  // "vi" or "en": the language of Keycloak's own pages and e-mails for this user
};

struct UserPage {
  std::vector<KeycloakUser> users;
  std::int64_t total = 0;
};

enum class PasswordCheck { correct, wrong, locked };

class KeycloakAdmin {
 public:
  KeycloakAdmin(http::HttpClient& client, KeycloakOptions options);
  ~KeycloakAdmin();
  KeycloakAdmin(const KeycloakAdmin&) = delete;
  KeycloakAdmin& operator=(const KeycloakAdmin&) = delete;

  // Creates an enabled user with the password; returns Keycloak's id. Throws UserExists, PasswordRejected.
  Awaitable<std::string> create_user(NewUser user);
  // Deleting a user that does not exist is not an error.
  Awaitable<void> delete_user(std::string id);
  Awaitable<std::optional<KeycloakUser>> get_user(std::string id);
  Awaitable<std::optional<KeycloakUser>> find_by_username(std::string username);
  // Users whose username, e-mail or name contains `search` (all users when empty), `first` from 0.
  Awaitable<UserPage> search(std::string search, int first, int max);
  Awaitable<void> set_enabled(std::string id, bool enabled);
  // The user's realm roles, effective (composites expanded), e.g. {"learner", "admin", ...}.
  Awaitable<std::vector<std::string>> realm_roles(std::string id);
  Awaitable<void> set_realm_role(std::string id, std::string role, bool granted);
  // Keycloak e-mails the user a link to choose a new password (valid 12 hours).
  Awaitable<void> send_password_reset(std::string id);
  // Throws PasswordRejected when Keycloak's policy refuses it.
  Awaitable<void> set_password(std::string id, std::string password);
  // Whether username/password is right, through a password grant of our client (counts towards brute-force
  // detection like any sign-in).
  Awaitable<PasswordCheck> check_password(std::string username, std::string password);

  // Whether the service account can get a token (readiness of the dependency, for the health check).
  Awaitable<bool> ping();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace dt::account::keycloak
