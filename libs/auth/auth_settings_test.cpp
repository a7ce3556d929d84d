#include "auth/auth_settings.hpp"

#include <gtest/gtest.h>

#include <map>
#include <thread>

#include "auth/test_support/jwks_server.hpp"
#include "auth/test_support/token_factory.hpp"
#include "http/test_support/raw_client.hpp"

namespace {

using dt::Awaitable;
using dt::auth::read_auth_settings;
using dt::config::EnvConfig;

EnvConfig env_of(std::map<std::string, std::string> vars) {
  return EnvConfig([vars = std::move(vars)](const std::string& name) -> std::optional<std::string> {
    const auto it = vars.find(name);
    if (it == vars.end()) return std::nullopt;
    return it->second;
  });
}

TEST(AuthSettings, DefaultsToTheLocalKeycloakRealm) {
  auto env = env_of({});
  const auto s = read_auth_settings(env);
  EXPECT_EQ(s.issuer, "http://127.0.0.1:28180/realms/drivetest");
  EXPECT_EQ(s.jwks_url, "http://127.0.0.1:28180/realms/drivetest/protocol/openid-connect/certs");
  EXPECT_EQ(s.audiences, (std::vector<std::string>{"drivetest-api"}));
  EXPECT_EQ(s.leeway, std::chrono::seconds(30));
  EXPECT_NO_THROW(env.check());
}

TEST(AuthSettings, ReadsEveryVariable) {
  auto env = env_of({{"DT_AUTH_ISSUER", "http://idp.test:8080/realms/x/"},
                     {"DT_AUTH_AUDIENCE", " drivetest-api , catalog,,"},
                     {"DT_AUTH_LEEWAY_SECONDS", "5"}});
  const auto s = read_auth_settings(env);
  EXPECT_EQ(s.issuer, "http://idp.test:8080/realms/x/");
  EXPECT_EQ(s.jwks_url, "http://idp.test:8080/realms/x/protocol/openid-connect/certs");
  EXPECT_EQ(s.audiences, (std::vector<std::string>{"drivetest-api", "catalog"}));
  EXPECT_EQ(s.leeway, std::chrono::seconds(5));
  EXPECT_EQ(s.verifier_options().audiences, s.audiences);
  EXPECT_EQ(s.jwks_options().jwks_url, s.jwks_url);

  auto explicit_url = env_of({{"DT_AUTH_JWKS_URL", "http://127.0.0.1:9999/certs"}});
  EXPECT_EQ(read_auth_settings(explicit_url).jwks_url, "http://127.0.0.1:9999/certs");
}

TEST(AuthSettings, ReportsBadValues) {
  auto leeway = env_of({{"DT_AUTH_LEEWAY_SECONDS", "9000"}});
  read_auth_settings(leeway);
  EXPECT_THROW(leeway.check(), dt::config::ConfigError);

  auto https = env_of({{"DT_AUTH_JWKS_URL", "https://idp.test/certs"}});
  EXPECT_THROW(read_auth_settings(https), dt::config::ConfigError);

  auto no_audience = env_of({{"DT_AUTH_AUDIENCE", " , "}});
  EXPECT_THROW(read_auth_settings(no_audience), dt::config::ConfigError);
}

// add_auth on a whole in-process service with two threads, over real HTTP.
TEST(AddAuth, InstallsTheMiddlewareOnAService) {
  const dt::auth::testing::TokenFactory tokens;
  dt::auth::testing::JwksServer jwks(tokens.jwks());
  dt::service::ServiceSettings settings;
  settings.name = "auth-test";
  settings.threads = 2;
  settings.http.port = 0;
  dt::service::Service service(settings);
  auto env = env_of({{"DT_AUTH_JWKS_URL", jwks.url()}});
  dt::auth::add_auth(service, env);
  env.check();
  service.router().add(dt::http::Method::get, "/whoami", [](dt::http::Request& r) -> Awaitable<dt::http::Response> {
    co_return dt::http::Response::text(200, r.principal ? r.principal->subject : "anonymous");
  });
  std::thread runner([&] { service.run(); });
  for (int i = 0; i < 200 && service.port() == 0; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  ASSERT_NE(service.port(), 0);

  auto client = std::make_unique<dt::http::testing::RawClient>(service.port());
  const auto anonymous = client->request("GET", "/whoami");
  const auto known = client->request("GET", "/whoami", "", "Authorization: Bearer " + tokens.token_for("u-1") + "\r\n");
  const auto forged = client->request("GET", "/whoami", "", "Authorization: Bearer x.y.z\r\n");
  const auto metrics = client->request("GET", "/metrics");
  client.reset();  // closed before the shutdown, which would otherwise wait for it
  service.stop();
  runner.join();

  ASSERT_TRUE(anonymous && known && forged && metrics);
  EXPECT_EQ(anonymous->body, "anonymous");
  EXPECT_EQ(known->body, "u-1");
  EXPECT_EQ(forged->status, 401);
  EXPECT_EQ(forged->header("www-authenticate"), "Bearer error=\"invalid_token\"");
  EXPECT_NE(metrics->body.find("dt_auth_requests_total{outcome=\"authenticated\"} 1"), std::string::npos);
  EXPECT_EQ(jwks.fetches(), 1);
}

}  // namespace
