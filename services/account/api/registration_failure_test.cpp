// Registration never leaves a Keycloak user without a profile or a profile without a Keycloak user: Keycloak
// down, PostgreSQL refusing the activation (compensated), and the reconciler settling what an undo left behind.
#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "account/api/test_support/account_harness.hpp"

namespace {

using dt::account::testing::AccountHarness;
using dt::account::testing::HarnessOptions;

bool eventually(const std::function<bool()>& condition) {
  for (int i = 0; i < 100; ++i) {
    if (condition()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  return condition();
}

TEST(RegistrationFailure, KeycloakDownGives503AndLeavesNothing) {
  HarnessOptions options;
  options.keycloak_url = "http://127.0.0.1:9";  // discard port: nothing listens
  AccountHarness down(options);
  const auto name = down.fresh_username();
  const auto reply = down.register_user(name);
  EXPECT_EQ(reply.status, 503) << reply.text;
  EXPECT_NE(reply.text.find("identity service is unavailable"), std::string::npos) << reply.text;
  EXPECT_EQ(down.query_int("SELECT count(*) FROM account.profiles"), 0);
  EXPECT_FALSE(down.keycloak_user(name));  // asked of the real Keycloak
  // Readiness reports the dependency.
  EXPECT_EQ(down.call("GET", "/health/ready").status, 503);
}

TEST(RegistrationFailure, AFailedActivationDeletesTheKeycloakUser) {
  AccountHarness h;
  // The outbox refuses every row: the activation's transaction fails after Keycloak created the user.
  h.sql("ALTER TABLE account.outbox ADD CONSTRAINT refuse_all CHECK (false) NOT VALID");
  const auto name = h.fresh_username();
  const auto reply = h.register_user(name);
  EXPECT_EQ(reply.status, 500) << reply.text;
  EXPECT_FALSE(h.keycloak_user(name));
  EXPECT_EQ(h.query_int("SELECT count(*) FROM account.profiles WHERE username = '" + name + "'"), 0);
  h.sql("ALTER TABLE account.outbox DROP CONSTRAINT refuse_all");
  EXPECT_EQ(h.register_user(name).status, 201);  // nothing was left behind to collide with
}

TEST(RegistrationFailure, TheReconcilerSettlesPendingRegistrations) {
  HarnessOptions options;
  options.reconcile_interval_ms = "100";
  options.pending_grace_seconds = "1";
  AccountHarness h(options);
  // A crash after Keycloak created the user: the reservation is pending and Keycloak has the user.
  const auto created = h.fresh_username();
  const auto user_id = h.create_keycloak_user(created);
  h.sql("INSERT INTO account.profiles (username, email, display_name, language, state, created_at) VALUES ('" +
        created + "', '" + created + "@test.drivetest.local', 'Crashed', 'en', 'pending', now() - interval '1 hour')");
  // A crash before Keycloak created the user: pending, and Keycloak never heard of it.
  const auto orphan = h.fresh_username();
  h.sql("INSERT INTO account.profiles (username, email, display_name, language, state, created_at) VALUES ('" + orphan +
        "', '" + orphan + "@test.drivetest.local', 'Orphan', 'vi', 'pending', now() - interval '1 hour')");

  EXPECT_TRUE(eventually([&] {
    return h.query_text("SELECT user_id FROM account.profiles WHERE username = '" + created +
                        "' AND state = 'active'") == user_id;
  }));
  EXPECT_TRUE(eventually(
      [&] { return h.query_int("SELECT count(*) FROM account.profiles WHERE username = '" + orphan + "'") == 0; }));
  EXPECT_EQ(
      h.query_int("SELECT count(*) FROM account.outbox WHERE type = 'user.registered' AND subject = '" + user_id + "'"),
      1);
}

}  // namespace
