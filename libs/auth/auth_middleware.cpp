#include "auth/auth_middleware.hpp"

#include <optional>
#include <string>
#include <string_view>

#include "auth/bearer.hpp"
#include "errors/problem.hpp"
#include "log/log.hpp"

namespace dt::auth {
namespace {

enum Outcome : std::size_t { anonymous, authenticated, bad_header, jwks_unavailable, first_token_error };

std::size_t outcome_of(TokenError error) { return first_token_error + static_cast<std::size_t>(error); }

}  // namespace

AuthMiddleware::AuthMiddleware(std::shared_ptr<const Authenticator> authenticator, metrics::Registry& registry)
    : authenticator_(std::move(authenticator)) {
  static_assert(static_cast<std::size_t>(TokenError::wrong_audience) + 1 == kTokenErrors);
  static_assert(first_token_error + kTokenErrors == kOutcomes);
  const std::string name = "dt_auth_requests_total";
  const std::string help = "Requests by what their Authorization header proved";
  const std::string_view fixed[] = {"anonymous", "authenticated", "bad_header", "jwks_unavailable"};
  for (std::size_t i = 0; i < first_token_error; ++i) {
    outcomes_[i] = &registry.counter(name, help, {{"outcome", std::string(fixed[i])}});
  }
  for (std::size_t e = 0; e < kTokenErrors; ++e) {
    const auto error = static_cast<TokenError>(e);
    outcomes_[outcome_of(error)] = &registry.counter(name, help, {{"outcome", std::string(to_string(error))}});
  }
}

Awaitable<http::Response> AuthMiddleware::handle(http::Request& request, http::Next next) {
  request.principal.reset();
  const auto header = request.headers.find("Authorization");
  if (!header) {
    outcomes_[anonymous]->inc();
    co_return co_await next(request);
  }
  const auto token = bearer_token(*header);
  if (!token) {
    outcomes_[bad_header]->inc();
    throw invalid_token("the Authorization header must be \"Bearer\" followed by an access token");
  }
  std::string bearer(*token);
  try {
    request.principal = co_await authenticator_->authenticate(std::move(bearer));
  } catch (const TokenRejected& e) {
    outcomes_[outcome_of(e.reason())]->inc();
    log::debug("access token refused", {{"request_id", request.request_id}, {"reason", to_string(e.reason())}});
    throw invalid_token(e.what());
  } catch (const JwksUnavailable& e) {
    outcomes_[jwks_unavailable]->inc();
    log::warn("access token not verified", {{"request_id", request.request_id}, {"error", e.what()}});
    throw Problem::unavailable("cannot verify the access token: the identity provider is unreachable");
  }
  outcomes_[authenticated]->inc();
  co_return co_await next(request);
}

}  // namespace dt::auth
