#include "gateway/filters/cors_filter.hpp"

#include <gtest/gtest.h>

#include <boost/asio/io_context.hpp>

#include "async/test_support/run_blocking.hpp"
#include "errors/problem.hpp"
#include "gateway/config/config_parser.hpp"

namespace {

using dt::gateway::filters::CorsFilter;
using dt::gateway::filters::Exchange;
using dt::gateway::filters::Filter;
using dt::gateway::filters::FilterChain;
using dt::gateway::filters::FilterNext;
using dt::gateway::routing::RouteTable;
using dt::http::Method;

auto table() {
  return std::make_shared<const RouteTable>(dt::gateway::config::parse_gateway_config(R"({
    "cors": {"web": {"allowed_origins": ["http://localhost:5173"], "max_age_seconds": 60},
             "any": {"allowed_origins": ["*"]}},
    "routes": [
      {"name": "exams", "methods": ["GET", "POST"], "upstream_path": "/api/exams", "service": "s", "cors": "web"},
      {"name": "open", "methods": ["GET"], "upstream_path": "/api/open", "service": "s", "cors": "any"},
      {"name": "closed", "methods": ["GET"], "upstream_path": "/api/closed", "service": "s"}
    ]})"));
}

// The filter in front of a last filter answering 200, or throwing a 401 problem when `fail`.
class Answer : public Filter {
 public:
  explicit Answer(bool fail) : fail_(fail) {}
  dt::Awaitable<dt::http::Response> handle(Exchange&, FilterNext) const override {
    if (fail_) throw dt::Problem::unauthorized("no");
    co_return dt::http::Response::text(200, "ok");
  }

 private:
  bool fail_;
};

dt::http::Response through_filter(const std::string& path, const std::string& origin, bool fail = false) {
  const auto routes = table();
  dt::http::Request request;
  request.set_target(path);
  if (!origin.empty()) request.headers.add("Origin", origin);
  auto match = routes->match(Method::get, request.path);
  std::vector<std::unique_ptr<Filter>> filters;
  filters.push_back(std::make_unique<CorsFilter>());
  filters.push_back(std::make_unique<Answer>(fail));
  const FilterChain chain(std::move(filters));
  Exchange exchange{.request = request, .route = *match.route, .captures = {}, .table = routes};
  dt::http::Response response;
  boost::asio::io_context io;
  dt::async::testing::run_blocking(io, [&]() -> dt::Awaitable<void> { response = co_await chain.run(exchange); });
  return response;
}

TEST(CorsFilter, AnAllowedOriginCanReadTheAnswer) {
  const auto response = through_filter("/api/exams", "http://localhost:5173");
  EXPECT_EQ(response.headers.get("Access-Control-Allow-Origin"), "http://localhost:5173");
  EXPECT_EQ(response.headers.get("Vary"), "Origin");
  EXPECT_EQ(response.headers.get("Access-Control-Expose-Headers"), "X-Request-Id, Retry-After, Location");
  EXPECT_EQ(through_filter("/api/open", "https://any.example").headers.get("Access-Control-Allow-Origin"), "*");
}

TEST(CorsFilter, OtherOriginsAndRoutesWithoutAPolicyGetNothing) {
  EXPECT_FALSE(through_filter("/api/exams", "https://evil.example").headers.contains("Access-Control-Allow-Origin"));
  EXPECT_FALSE(through_filter("/api/closed", "http://localhost:5173").headers.contains("Access-Control-Allow-Origin"));
  EXPECT_FALSE(through_filter("/api/exams", "").headers.contains("Access-Control-Allow-Origin"));
}

TEST(CorsFilter, ProblemsCarryTheHeadersToo) {
  try {
    through_filter("/api/exams", "http://localhost:5173", true);
    FAIL() << "expected the 401";
  } catch (const dt::Problem& problem) {
    bool allowed = false;
    for (const auto& [name, value] : problem.headers()) {
      allowed = allowed || (name == "Access-Control-Allow-Origin" && value == "http://localhost:5173");
    }
    EXPECT_TRUE(allowed);
  }
}

void preflight(dt::http::Request& request, const std::string& origin, const std::string& method) {
  request.method = Method::options;
  request.set_target("/api/exams");
  request.headers.add("Origin", origin);
  request.headers.add("Access-Control-Request-Method", method);
}

TEST(CorsFilter, PreflightsAreAnsweredFromThePolicy) {
  const auto routes = table();
  dt::http::Request request;
  preflight(request, "http://localhost:5173", "POST");
  EXPECT_TRUE(dt::gateway::filters::is_preflight(request));
  const auto response =
      dt::gateway::filters::preflight_response(routes->match(Method::post, "/api/exams").route, request);
  EXPECT_EQ(response.status, 204);
  EXPECT_EQ(response.headers.get("Access-Control-Allow-Origin"), "http://localhost:5173");
  EXPECT_EQ(response.headers.get("Access-Control-Allow-Methods"), "GET, POST");
  EXPECT_EQ(response.headers.get("Access-Control-Max-Age"), "60");
  EXPECT_NE(response.headers.get("Access-Control-Allow-Headers").find("Authorization"), std::string_view::npos);
}

TEST(CorsFilter, PreflightsFromOtherOriginsOrToClosedRoutesAreRefused) {
  const auto routes = table();
  const auto refused = [&](const std::string& origin, const std::string& method,
                           const dt::gateway::routing::Route* route) {
    dt::http::Request request;
    preflight(request, origin, method);
    try {
      dt::gateway::filters::preflight_response(route, request);
      return 0;
    } catch (const dt::Problem& p) {
      return p.status();
    }
  };
  EXPECT_EQ(refused("https://evil.example", "GET", routes->match(Method::get, "/api/exams").route), 403);
  EXPECT_EQ(refused("http://localhost:5173", "GET", routes->match(Method::get, "/api/closed").route), 403);
  EXPECT_EQ(refused("http://localhost:5173", "DELETE", nullptr), 403);
}

}  // namespace
