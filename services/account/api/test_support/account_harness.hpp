#pragma once
// AccountHarness: the whole Account service in-process on an ephemeral port, against the real PostgreSQL
// (DT_PG_URL, a schema of its own, dropped afterwards) and the real Keycloak (DT_KEYCLOAK_URL,
// DT_KEYCLOAK_ACCOUNT_SECRET; tokens verified against Keycloak's JWKS). Users the tests register are deleted from
// Keycloak when the harness goes. Requests go over real TCP.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "account/keycloak/keycloak_admin.hpp"
#include "http/test_support/json_call.hpp"

namespace dt::account::testing {

using Reply = http::testing::JsonReply;

struct HarnessOptions {
  std::optional<std::string> keycloak_url;  // another Keycloak URL, e.g. a closed port to test an outage
  std::string reconcile_interval_ms = "3600000";
  std::string pending_grace_seconds = "120";
  std::string events_topic = "account.events";  // where the outbox relay publishes (the topic must exist)
};

class AccountHarness {
 public:
  explicit AccountHarness(HarnessOptions options = {});
  ~AccountHarness();
  AccountHarness(const AccountHarness&) = delete;
  AccountHarness& operator=(const AccountHarness&) = delete;

  std::uint16_t port() const;
  const std::string& schema() const;

  // One request; a non-empty token is sent as a bearer token.
  Reply call(const std::string& method, const std::string& target, const std::string& body = "",
             const std::string& token = "", const std::string& extra_headers = "");

  // A username nobody has used: prefix + random digits. Registered through the harness or not, a user with
  // this name is deleted from Keycloak when the harness goes.
  std::string fresh_username(const std::string& prefix = "t");
  // POST /api/account/register with a valid body for `username` (e-mail <username>@test.drivetest.local).
  Reply register_user(const std::string& username, const std::string& password = "Strong-pass-42",
                      const std::string& language = "vi");

  // Keycloak's password grant through the test client: the token response, status and body.
  Reply password_grant(const std::string& username, const std::string& password);
  // The access token, or throws when the grant fails.
  std::string token(const std::string& username, const std::string& password = "Strong-pass-42");

  // Keycloak's admin API with the Account service's own client (for setting up and checking tests).
  std::optional<keycloak::KeycloakUser> keycloak_user(const std::string& username);
  std::string create_keycloak_user(const std::string& username, const std::string& password = "Strong-pass-42");
  // A token of an admin made for this harness (created on first use, deleted at the end): tests never depend on
  // the demo admin's password or lock-out state.
  std::string admin_token();

  // SQL against the harness's schema: "account." in the text is renamed. query_int returns the first column of
  // the first row as an integer.
  void sql(const std::string& statement);
  std::int64_t query_int(const std::string& query);
  std::string query_text(const std::string& query);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace dt::account::testing
