#include "account/api/test_support/account_harness.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/url/encode.hpp>
#include <boost/url/rfc/unreserved_chars.hpp>

#include <cstdlib>
#include <map>
#include <mutex>
#include <stdexcept>
#include <thread>
#include <vector>

#include "account/account_service.hpp"
#include "async/test_support/run_blocking.hpp"
#include "db/database.hpp"
#include "db/schema_name.hpp"
#include "http_client/http_url.hpp"
#include "log/log.hpp"
#include "service/test_support/in_process_service.hpp"
#include "testing/environment.hpp"

namespace dt::account::testing {
namespace {

using dt::testing::required_env;
using dt::testing::unique_name;
template <class F>
void run_on_io(F task) {
  boost::asio::io_context io;
  async::testing::run_blocking(io, std::move(task));
}

std::string form_value(const std::string& value) { return boost::urls::encode(value, boost::urls::unreserved_chars); }

}  // namespace

struct AccountHarness::Impl {
  std::string pg_url = required_env("DT_PG_URL");
  std::string keycloak_url = required_env("DT_KEYCLOAK_URL");
  std::string secret = required_env("DT_KEYCLOAK_ACCOUNT_SECRET");
  std::string schema = unique_name("account_t");
  std::vector<std::string> usernames;  // deleted from Keycloak at the end
  std::string admin_name;              // admin_token()'s user, once made
  std::mutex mutex;
  std::unique_ptr<service::testing::InProcessService> service;

  keycloak::KeycloakOptions keycloak_options() const {
    keycloak::KeycloakOptions options;
    options.base_url = keycloak_url;
    options.client_secret = secret;
    return options;
  }

  // Runs body(KeycloakAdmin&) on a private io_context.
  template <class F>
  void with_keycloak(F body) {
    run_on_io([&]() -> Awaitable<void> {
      http::HttpClient client(co_await boost::asio::this_coro::executor);
      keycloak::KeycloakAdmin admin(client, keycloak_options());
      co_await body(admin);
    });
  }

  template <class F>
  void with_db(F body) {
    run_on_io([&]() -> Awaitable<void> {
      db::PoolOptions options;
      options.url = pg_url;
      db::Database db(co_await boost::asio::this_coro::executor, options);
      co_await body(db);
    });
  }

  void cleanup() {
    std::vector<std::string> names;
    {
      std::lock_guard lock(mutex);
      names.swap(usernames);
    }
    with_keycloak([&](keycloak::KeycloakAdmin& admin) -> Awaitable<void> {
      for (const auto& name : names) {
        if (auto user = co_await admin.find_by_username(name)) co_await admin.delete_user(user->id);
      }
    });
    with_db([&](db::Database& db) -> Awaitable<void> {
      co_await db.query("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    });
  }
};

AccountHarness::AccountHarness(HarnessOptions options) : impl_(std::make_unique<Impl>()) {
  log::init({.service = "account-test", .level = log::Level::warn});
  const std::string keycloak_url = options.keycloak_url.value_or(impl_->keycloak_url);
  std::map<std::string, std::string> vars{{"DT_PG_URL", impl_->pg_url},
                                          {"DT_ACCOUNT_SCHEMA", impl_->schema},
                                          {"DT_KEYCLOAK_URL", keycloak_url},
                                          {"DT_KEYCLOAK_ACCOUNT_SECRET", impl_->secret},
                                          {"DT_KEYCLOAK_TIMEOUT_MS", "3000"},
                                          {"DT_AUTH_ISSUER", impl_->keycloak_url + "/realms/drivetest"},
                                          {"DT_ACCOUNT_RECONCILE_INTERVAL_MS", options.reconcile_interval_ms},
                                          {"DT_ACCOUNT_PENDING_GRACE_SECONDS", options.pending_grace_seconds},
                                          {"DT_ACCOUNT_EVENTS_TOPIC", options.events_topic}};
  if (const char* brokers = std::getenv("DT_KAFKA_BROKERS")) vars["DT_KAFKA_BROKERS"] = brokers;
  impl_->service = std::make_unique<service::testing::InProcessService>(
      "account", vars, [](service::Service& service, config::EnvConfig& env) { wire_account(service, env); });
}

AccountHarness::~AccountHarness() {
  impl_->service.reset();
  try {
    impl_->cleanup();
  } catch (const std::exception& e) {
    log::warn("account harness cleanup failed", {{"error", e.what()}});
  }
}

std::uint16_t AccountHarness::port() const { return impl_->service->port(); }
const std::string& AccountHarness::schema() const { return impl_->schema; }

Reply AccountHarness::call(const std::string& method, const std::string& target, const std::string& body,
                           const std::string& token, const std::string& extra_headers) {
  std::string headers = extra_headers;
  if (!token.empty()) headers += "Authorization: Bearer " + token + "\r\n";
  return http::testing::json_call(port(), method, target, body, headers);
}

std::string AccountHarness::fresh_username(const std::string& prefix) {
  auto name = unique_name(prefix);
  std::lock_guard lock(impl_->mutex);
  impl_->usernames.push_back(name);
  return name;
}

Reply AccountHarness::register_user(const std::string& username, const std::string& password,
                                    const std::string& language) {
  const std::string body = R"({"username":")" + username + R"(","email":")" + username +
                           R"(@test.drivetest.local","password":")" + password + R"(","language":")" + language +
                           R"(","display_name":"Test )" + username + R"("})";
  return call("POST", "/api/account/register", body);
}

Reply AccountHarness::password_grant(const std::string& username, const std::string& password) {
  const auto url = http::HttpUrl::parse(impl_->keycloak_url);
  const std::string body =
      "grant_type=password&client_id=drivetest-tests&scope=openid&username=" + form_value(username) +
      "&password=" + form_value(password);
  return http::testing::json_call(url.port, "POST", "/realms/drivetest/protocol/openid-connect/token", body,
                                  "Content-Type: application/x-www-form-urlencoded\r\n");
}

std::string AccountHarness::token(const std::string& username, const std::string& password) {
  const auto reply = password_grant(username, password);
  if (reply.status != 200) {
    throw std::runtime_error("password grant for " + username + " failed: " + std::to_string(reply.status) + " " +
                             reply.text);
  }
  return std::string(reply.body.at("access_token").as_string());
}

std::optional<keycloak::KeycloakUser> AccountHarness::keycloak_user(const std::string& username) {
  std::optional<keycloak::KeycloakUser> found;
  impl_->with_keycloak(
      [&](keycloak::KeycloakAdmin& admin) -> Awaitable<void> { found = co_await admin.find_by_username(username); });
  return found;
}

std::string AccountHarness::create_keycloak_user(const std::string& username, const std::string& password) {
  std::string id;
  impl_->with_keycloak([&](keycloak::KeycloakAdmin& admin) -> Awaitable<void> {
    keycloak::NewUser user;
    user.username = username;
    user.email = username + "@test.drivetest.local";
    user.password = password;
    user.locale = "en";
    id = co_await admin.create_user(std::move(user));
  });
  return id;
}

std::string AccountHarness::admin_token() {
  std::string name;
  {
    std::lock_guard lock(impl_->mutex);
    name = impl_->admin_name;
  }
  if (name.empty()) {
    name = fresh_username("adm");
    const auto id = create_keycloak_user(name);
    impl_->with_keycloak(
        [&](keycloak::KeycloakAdmin& admin) -> Awaitable<void> { co_await admin.set_realm_role(id, "admin", true); });
    std::lock_guard lock(impl_->mutex);
    impl_->admin_name = name;
  }
  return token(name);
}

void AccountHarness::sql(const std::string& statement) {
  impl_->with_db([&](db::Database& db) -> Awaitable<void> {
    co_await db.query(db::rename_schema(statement, "account", impl_->schema));
  });
}

std::int64_t AccountHarness::query_int(const std::string& query) {
  std::int64_t value = 0;
  impl_->with_db([&](db::Database& db) -> Awaitable<void> {
    const auto result = co_await db.query(db::rename_schema(query, "account", impl_->schema));
    value = result[0].get<std::int64_t>(0);
  });
  return value;
}

std::string AccountHarness::query_text(const std::string& query) {
  std::string value;
  impl_->with_db([&](db::Database& db) -> Awaitable<void> {
    const auto result = co_await db.query(db::rename_schema(query, "account", impl_->schema));
    value = result.empty() ? "" : result[0].get<std::optional<std::string>>(0).value_or("");
  });
  return value;
}

}  // namespace dt::account::testing
