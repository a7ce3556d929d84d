// AuthMiddleware behind the ProblemResponder, as in a service, with real tokens and a real JWKS server.
#include "auth/auth_middleware.hpp"

#include <gtest/gtest.h>

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/json/parse.hpp>

#include <thread>

#include "auth/test_support/jwks_server.hpp"
#include "auth/test_support/token_factory.hpp"
#include "http/middleware/problem_responder.hpp"
#include "http/test_support/run_pipeline.hpp"

namespace {

using namespace dt::auth;
using dt::Awaitable;
using dt::auth::testing::JwksServer;
using dt::auth::testing::TokenFactory;
using dt::http::Request;
using dt::http::Response;

const TokenFactory& tokens() {
  static const TokenFactory f("mw-key");
  return f;
}

class AuthMiddlewareTest : public ::testing::Test {
 protected:
  AuthMiddlewareTest()
      : jwks_server_(tokens().jwks()),
        client_thread_([this] { client_io_.run(); }),
        pipeline_(pipeline_for(jwks_server_.url())) {}

  ~AuthMiddlewareTest() override {
    work_.reset();
    client_io_.stop();
    client_thread_.join();
  }

  // ProblemResponder then AuthMiddleware (with a JWKS cache on `jwks_url`), then a handler saying who called.
  std::unique_ptr<dt::http::Pipeline> pipeline_for(const std::string& jwks_url) {
    JwksOptions jwks;
    jwks.jwks_url = jwks_url;
    jwks.fetch_timeout = std::chrono::milliseconds(2000);
    cache_ = std::make_unique<JwksCache>(client_io_.get_executor(), client_, jwks);
    VerifierOptions options;
    options.issuer = tokens().issuer();
    options.audiences = {std::string(dt::auth::testing::kTestAudience)};
    std::vector<std::unique_ptr<dt::http::Middleware>> chain;
    chain.push_back(std::make_unique<dt::http::ProblemResponder>());
    chain.push_back(
        std::make_unique<AuthMiddleware>(std::make_shared<const Authenticator>(*cache_, options), registry_));
    return std::make_unique<dt::http::Pipeline>(std::move(chain), [this](Request& request) -> Awaitable<Response> {
      ++handled_;
      std::string who = "anonymous";
      if (request.principal) {
        who = request.principal->subject;
        for (const auto& role : request.principal->roles) who += " " + role;
      }
      co_return Response::text(200, who);
    });
  }

  Response send(std::optional<std::string> authorization) {
    Request request;
    request.set_target("/api/things");
    if (authorization) request.headers.add("Authorization", *authorization);
    return dt::http::testing::run_pipeline(*pipeline_, request);
  }

  static std::string detail(const Response& response) {
    return std::string(boost::json::parse(response.body).as_object().at("detail").as_string());
  }

  void expect_invalid_token(const Response& response, std::string_view detail_part) {
    EXPECT_EQ(response.status, 401);
    EXPECT_EQ(response.headers.get("WWW-Authenticate"), "Bearer error=\"invalid_token\"");
    EXPECT_EQ(response.headers.get("Content-Type"), "application/problem+json");
    EXPECT_NE(detail(response).find(detail_part), std::string::npos) << detail(response);
    EXPECT_EQ(handled_, 0);
  }

  JwksServer jwks_server_;
  boost::asio::io_context client_io_;
  boost::asio::executor_work_guard<boost::asio::io_context::executor_type> work_{client_io_.get_executor()};
  std::thread client_thread_;
  dt::http::HttpClient client_{client_io_.get_executor()};
  dt::metrics::Registry registry_;
  int handled_ = 0;
  std::unique_ptr<JwksCache> cache_;
  std::unique_ptr<dt::http::Pipeline> pipeline_;
};

TEST_F(AuthMiddlewareTest, NoAuthorizationHeaderIsAnonymous) {
  const auto response = send(std::nullopt);
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.body, "anonymous");
  EXPECT_EQ(jwks_server_.fetches(), 0) << "anonymous requests must not need the identity provider";
  EXPECT_NE(registry_.render().find("dt_auth_requests_total{outcome=\"anonymous\"} 1"), std::string::npos);
}

TEST_F(AuthMiddlewareTest, AValidTokenSetsThePrincipal) {
  const auto response = send("Bearer " + tokens().token_for("user-7", {"learner", "admin"}));
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.body, "user-7 learner admin");
  EXPECT_EQ(send("bearer " + tokens().token_for("user-8")).body, "user-8 learner");
  EXPECT_EQ(jwks_server_.fetches(), 1);
  EXPECT_NE(registry_.render().find("dt_auth_requests_total{outcome=\"authenticated\"} 2"), std::string::npos);
}

TEST_F(AuthMiddlewareTest, AnExpiredTokenIs401SayingSo) {
  const auto claims = tokens().claims("user-7", {}, std::chrono::system_clock::now() - std::chrono::hours(2));
  const auto response = send("Bearer " + tokens().sign(tokens().header(), claims));
  expect_invalid_token(response, "the access token has expired");
  EXPECT_NE(registry_.render().find("dt_auth_requests_total{outcome=\"expired\"} 1"), std::string::npos);
}

TEST_F(AuthMiddlewareTest, AForgedTokenIs401WithoutAskingTheIdentityProvider) {
  auto header = tokens().header();
  header["alg"] = "none";
  const auto forged = dt::auth::testing::encode_part(header) + "." +
                      dt::auth::testing::encode_part(tokens().claims("root", {"admin"})) + ".";
  expect_invalid_token(send("Bearer " + forged), "algorithm");
  EXPECT_EQ(jwks_server_.fetches(), 0);
}

TEST_F(AuthMiddlewareTest, ATokenFromAnotherKeyIs401) {
  const TokenFactory stranger("stranger");
  expect_invalid_token(send("Bearer " + stranger.token_for("user-7")), "key");
}

TEST_F(AuthMiddlewareTest, AMalformedHeaderIs401) {
  for (const char* value :
       {"Basic dXNlcjpwYXNz", "Bearer", "Bearer ", "Bearer a b", "Bearertoken", "", "Token abc", "Bearer a,b"}) {
    expect_invalid_token(send(value), "Authorization header");
  }
  expect_invalid_token(send("Bearer not-a-jwt"), "not a JWT");
}

TEST_F(AuthMiddlewareTest, AnUnreachableIdentityProviderIs503) {
  pipeline_.reset();
  pipeline_ = pipeline_for(dt::auth::testing::unreachable_url());
  const auto response = send("Bearer " + tokens().token_for("user-7"));
  EXPECT_EQ(response.status, 503);
  EXPECT_EQ(detail(response), "cannot verify the access token: the identity provider is unreachable");
  EXPECT_EQ(handled_, 0);
  EXPECT_NE(registry_.render().find("dt_auth_requests_total{outcome=\"jwks_unavailable\"} 1"), std::string::npos);
  EXPECT_EQ(send(std::nullopt).status, 200) << "anonymous requests still work";
}

}  // namespace
