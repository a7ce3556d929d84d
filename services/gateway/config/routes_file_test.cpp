// The committed route file (services/gateway/routes.json): it loads, and each API of the services reaches the
// right service with the right auth requirement. A change to routes.json that moves any of these fails here.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "gateway/config/config_parser.hpp"
#include "gateway/config/policy_parser.hpp"
#include "gateway/routing/route_table.hpp"

namespace {

using dt::gateway::config::load_gateway_config;
using dt::gateway::routing::RouteMatch;
using dt::gateway::routing::RouteTable;
using dt::http::Method;

struct Case {
  Method method;
  std::string path;
  std::string route;    // expected route name
  std::string service;  // expected service
  std::string auth;     // expected requirement
};

dt::gateway::config::ConfigLimits gateway_limits() {
  dt::gateway::config::ConfigLimits limits;
  limits.max_request_bytes = 32 * 1024 * 1024;
  return limits;
}

const std::vector<Case>& cases() {
  static const std::vector<Case> all = {
      {Method::get, "/api/catalog/jurisdictions", "catalog-jurisdictions", "catalog", "anonymous"},
      {Method::get, "/api/catalog/jurisdictions/vn/licence-classes", "catalog-licence-classes", "catalog", "anonymous"},
      {Method::get, "/api/catalog/jurisdictions/vn/topics", "catalog-topics", "catalog", "anonymous"},
      {Method::get, "/api/catalog/blueprints", "catalog-blueprints", "catalog", "anonymous"},
      {Method::get, "/api/catalog/search", "catalog-search", "catalog", "anonymous"},
      {Method::get, "/api/catalog/openapi.yaml", "catalog-openapi", "catalog", "anonymous"},
      {Method::post, "/api/catalog/exams", "catalog-exam-start", "catalog", "anonymous"},
      {Method::get, "/api/catalog/exams/0b1c", "catalog-exam", "catalog", "anonymous"},
      {Method::put, "/api/catalog/exams/0b1c/answers/3", "catalog-exam-answer", "catalog", "anonymous"},
      {Method::put, "/api/catalog/exams/0b1c/flags/3", "catalog-exam-flag", "catalog", "anonymous"},
      {Method::post, "/api/catalog/exams/0b1c/submit", "catalog-exam-submit", "catalog", "anonymous"},
      {Method::get, "/api/catalog/exams/0b1c/result", "catalog-exam-result", "catalog", "anonymous"},
      {Method::get, "/api/catalog/practice/questions", "catalog-practice", "catalog", "anonymous"},
      {Method::get, "/api/catalog/practice/random", "catalog-practice", "catalog", "anonymous"},
      {Method::get, "/api/catalog/practice/critical", "catalog-practice", "catalog", "anonymous"},
      {Method::get, "/api/catalog/practice/road-signs", "catalog-practice", "catalog", "anonymous"},
      {Method::post, "/api/catalog/practice/answers", "catalog-practice-answer", "catalog", "anonymous"},
      {Method::get, "/api/catalog/me/history", "catalog-learner", "catalog", "signed-in"},
      {Method::get, "/api/catalog/me/statistics", "catalog-learner", "catalog", "signed-in"},
      {Method::get, "/api/catalog/me/mistakes", "catalog-learner", "catalog", "signed-in"},
      {Method::get, "/api/catalog/me/review-queue", "catalog-learner", "catalog", "signed-in"},
      {Method::get, "/api/catalog/me/bookmarks", "catalog-learner", "catalog", "signed-in"},
      {Method::put, "/api/catalog/me/bookmarks/17", "catalog-learner", "catalog", "signed-in"},
      {Method::delete_, "/api/catalog/me/bookmarks/17", "catalog-learner", "catalog", "signed-in"},
      {Method::get, "/api/catalog/admin/topics", "catalog-admin", "catalog", "role:admin"},
      {Method::post, "/api/catalog/admin/topics", "catalog-admin", "catalog", "role:admin"},
      {Method::delete_, "/api/catalog/admin/topics/vn/signs", "catalog-admin", "catalog", "role:admin"},
      {Method::put, "/api/catalog/admin/questions/12", "catalog-admin", "catalog", "role:admin"},
      {Method::get, "/api/catalog/admin/questions/12/revisions", "catalog-admin", "catalog", "role:admin"},
      {Method::put, "/api/catalog/admin/blueprints/b/2", "catalog-admin", "catalog", "role:admin"},
      {Method::post, "/api/catalog/admin/import", "catalog-admin", "catalog", "role:admin"},
      {Method::get, "/api/catalog/admin/export", "catalog-admin", "catalog", "role:admin"},
      {Method::get, "/api/catalog/admin/bank-report", "catalog-admin", "catalog", "role:admin"},
      {Method::post, "/api/account/register", "account-register", "account", "anonymous"},
      {Method::get, "/api/account/me", "account-me", "account", "signed-in"},
      {Method::put, "/api/account/me", "account-me", "account", "signed-in"},
      {Method::put, "/api/account/me/password", "account-me", "account", "signed-in"},
      {Method::get, "/api/account/admin/users", "account-admin", "account", "role:admin"},
      {Method::get, "/api/account/admin/users/u1", "account-admin", "account", "role:admin"},
      {Method::put, "/api/account/admin/users/u1/enabled", "account-admin", "account", "role:admin"},
      {Method::put, "/api/account/admin/users/u1/roles/admin", "account-admin", "account", "role:admin"},
      {Method::delete_, "/api/account/admin/users/u1/roles/admin", "account-admin", "account", "role:admin"},
      {Method::post, "/api/account/admin/users/u1/password-reset", "account-admin", "account", "role:admin"},
      {Method::get, "/api/notification/admin/notifications", "notification-admin", "notification", "role:admin"},
      {Method::get, "/api/notification/admin/notifications/e1", "notification-admin", "notification", "role:admin"},
      {Method::post, "/api/notification/admin/dead-letters/e1/redrive", "notification-admin", "notification",
       "role:admin"},
      {Method::get, "/api/files", "files", "file", "role:admin"},
      {Method::post, "/api/files", "files", "file", "role:admin"},
      {Method::get, "/api/files/9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", "file", "file",
       "role:admin"},
      {Method::delete_, "/api/files/9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", "file", "file",
       "role:admin"},
  };
  return all;
}

class RoutesFile : public ::testing::Test {
 protected:
  RouteTable table{load_gateway_config(DT_GATEWAY_ROUTES_FILE, gateway_limits())};
};

TEST_F(RoutesFile, SendsEachServiceApiToItsServiceWithItsAuth) {
  for (const auto& c : cases()) {
    SCOPED_TRACE(std::string(dt::http::to_string(c.method)) + " " + c.path);
    const auto match = table.match(c.method, c.path);
    ASSERT_EQ(match.outcome, RouteMatch::Outcome::found);
    EXPECT_EQ(match.route->config.name, c.route);
    EXPECT_EQ(match.route->config.service, c.service);
    EXPECT_EQ(dt::gateway::config::to_string(match.route->config.auth), c.auth);
  }
}

TEST_F(RoutesFile, EveryRouteIsUsedByTheTable) {
  for (const auto& route : table.routes()) {
    bool used = false;
    for (const auto& c : cases()) used = used || c.route == route.config.name;
    EXPECT_TRUE(used) << "routes.json has a route no case here exercises: " << route.config.name;
  }
}

TEST_F(RoutesFile, RefusesWhatNoServiceOffers) {
  EXPECT_EQ(table.match(Method::get, "/api/catalog/nothing").outcome, RouteMatch::Outcome::no_route);
  EXPECT_EQ(table.match(Method::get, "/api/unknown/x").outcome, RouteMatch::Outcome::no_route);
  EXPECT_EQ(table.match(Method::get, "/").outcome, RouteMatch::Outcome::no_route);
  const auto wrong_method = table.match(Method::delete_, "/api/catalog/jurisdictions");
  EXPECT_EQ(wrong_method.outcome, RouteMatch::Outcome::method_not_allowed);
  EXPECT_EQ(wrong_method.allow, "GET, HEAD");
  EXPECT_EQ(table.match(Method::post, "/api/account/me").outcome, RouteMatch::Outcome::method_not_allowed);
}

TEST_F(RoutesFile, RetriesOnlyWhatIsSafeToRepeat) {
  EXPECT_FALSE(table.match(Method::post, "/api/catalog/exams").route->idempotent(Method::post));
  EXPECT_TRUE(table.match(Method::post, "/api/catalog/exams/1/submit").route->idempotent(Method::post));
  EXPECT_FALSE(table.match(Method::post, "/api/account/register").route->idempotent(Method::post));
  EXPECT_TRUE(table.match(Method::get, "/api/catalog/exams/1").route->idempotent(Method::get));
  EXPECT_TRUE(table.match(Method::put, "/api/catalog/exams/1/answers/2").route->idempotent(Method::put));
}

TEST_F(RoutesFile, RegistrationHasTheStrictestLimit) {
  const auto* route = table.match(Method::post, "/api/account/register").route;
  ASSERT_NE(route->rate_limit, nullptr);
  EXPECT_EQ(route->rate_limit->name, "registration");
  ASSERT_TRUE(route->rate_limit->per_ip.has_value());
  EXPECT_LE(route->rate_limit->per_ip->burst, 5);
}

}  // namespace
