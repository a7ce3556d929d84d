#include "gateway/routing/route_table.hpp"

#include <gtest/gtest.h>

#include "gateway/config/config_parser.hpp"

namespace {

using dt::gateway::config::parse_gateway_config;
using dt::gateway::routing::RouteMatch;
using dt::gateway::routing::RouteTable;
using dt::http::Method;

RouteTable table_of(const std::string& routes) {
  return RouteTable(parse_gateway_config(R"({"routes": [)" + routes + "]}"));
}

TEST(RouteTable, TheMostSpecificRouteWinsWhateverTheFileOrder) {
  const auto table = table_of(R"(
    {"name": "all", "methods": ["GET"], "upstream_path": "/api/catalog/**", "service": "catalog"},
    {"name": "me", "methods": ["GET"], "upstream_path": "/api/catalog/me/**", "service": "catalog", "auth": "signed-in"},
    {"name": "exam", "methods": ["GET"], "upstream_path": "/api/catalog/exams/{id}", "service": "catalog"},
    {"name": "history", "methods": ["GET"], "upstream_path": "/api/catalog/me/history", "service": "catalog"})");
  EXPECT_EQ(table.match(Method::get, "/api/catalog/me/history").route->config.name, "history");
  EXPECT_EQ(table.match(Method::get, "/api/catalog/me/bookmarks").route->config.name, "me");
  EXPECT_EQ(table.match(Method::get, "/api/catalog/me").route->config.name, "me");
  EXPECT_EQ(table.match(Method::get, "/api/catalog/exams/9").route->config.name, "exam");
  EXPECT_EQ(table.match(Method::get, "/api/catalog/exams/9/result").route->config.name, "all");
  EXPECT_EQ(table.match(Method::get, "/api/catalog").route->config.name, "all");
  EXPECT_EQ(table.match(Method::get, "/api/account").outcome, RouteMatch::Outcome::no_route);
}

TEST(RouteTable, ALessSpecificRouteTakesMethodsTheMoreSpecificOneLacks) {
  const auto table = table_of(R"(
    {"name": "read", "methods": ["GET"], "upstream_path": "/api/files/{name}", "service": "file"},
    {"name": "write", "methods": ["POST", "DELETE"], "upstream_path": "/api/files/**", "service": "file",
     "auth": "role:admin"})");
  EXPECT_EQ(table.match(Method::get, "/api/files/a.png").route->config.name, "read");
  EXPECT_EQ(table.match(Method::delete_, "/api/files/a.png").route->config.name, "write");
  const auto put = table.match(Method::put, "/api/files/a.png");
  EXPECT_EQ(put.outcome, RouteMatch::Outcome::method_not_allowed);
  EXPECT_EQ(put.allow, "GET, HEAD, POST, DELETE");
}

TEST(RouteTable, HeadIsServedByGetRoutes) {
  const auto table = table_of(R"({"name": "a", "methods": ["GET"], "upstream_path": "/a", "service": "s"})");
  EXPECT_EQ(table.match(Method::head, "/a").outcome, RouteMatch::Outcome::found);
  EXPECT_EQ(table.match(Method::other, "/a").outcome, RouteMatch::Outcome::method_not_allowed);
}

TEST(RouteTable, CapturesAndTheDownstreamTarget) {
  const auto table = table_of(R"(
    {"name": "v1", "methods": ["GET"], "upstream_path": "/api/v1/exams/{id}", "service": "s",
     "downstream_path": "/exams/{id}"},
    {"name": "same", "methods": ["GET"], "upstream_path": "/api/same/**", "service": "s"})");
  const auto v1 = table.match(Method::get, "/api/v1/exams/42");
  EXPECT_EQ(v1.route->downstream_target("/api/v1/exams/42", "lang=en", v1.captures), "/exams/42?lang=en");
  const auto same = table.match(Method::get, "/api/same/x/y");
  EXPECT_EQ(same.route->downstream_target("/api/same/x/y", "", same.captures), "/api/same/x/y");
}

TEST(RouteTable, IdempotentByMethodUnlessTheRouteSays) {
  const auto table = table_of(R"(
    {"name": "any", "methods": ["GET", "POST", "PUT", "DELETE", "PATCH"], "upstream_path": "/a", "service": "s"},
    {"name": "submit", "methods": ["POST"], "upstream_path": "/b", "service": "s", "idempotent": true},
    {"name": "never", "methods": ["GET"], "upstream_path": "/c", "service": "s", "idempotent": false})");
  const auto* any = table.match(Method::get, "/a").route;
  EXPECT_TRUE(any->idempotent(Method::get));
  EXPECT_TRUE(any->idempotent(Method::put));
  EXPECT_TRUE(any->idempotent(Method::delete_));
  EXPECT_FALSE(any->idempotent(Method::post));
  EXPECT_FALSE(any->idempotent(Method::patch));
  EXPECT_TRUE(table.match(Method::post, "/b").route->idempotent(Method::post));
  EXPECT_FALSE(table.match(Method::get, "/c").route->idempotent(Method::get));
}

TEST(RouteTable, LabelsOutliveTheTable) {
  std::string_view label;
  {
    const auto table =
        table_of(R"({"name": "short-lived", "methods": ["GET"], "upstream_path": "/a", "service": "s"})");
    label = table.match(Method::get, "/a").route->label;
  }
  EXPECT_EQ(label, "short-lived");
}

}  // namespace
