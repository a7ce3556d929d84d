#include "gateway/filters/auth_filter.hpp"

#include <optional>
#include <string>

#include "auth/bearer.hpp"
#include "errors/problem.hpp"
#include "log/log.hpp"

namespace dt::gateway::filters {

AuthFilter::AuthFilter(std::shared_ptr<const auth::Authenticator> authenticator, metrics::Registry& metrics)
    : authenticator_(std::move(authenticator)) {
  const std::string name = "dt_gateway_auth_total";
  const std::string help = "Requests by what their token proved and what their route required";
  anonymous_ = &metrics.counter(name, help, {{"outcome", "anonymous"}});
  authenticated_ = &metrics.counter(name, help, {{"outcome", "authenticated"}});
  invalid_token_ = &metrics.counter(name, help, {{"outcome", "invalid_token"}});
  jwks_unavailable_ = &metrics.counter(name, help, {{"outcome", "jwks_unavailable"}});
  unauthenticated_ = &metrics.counter(name, help, {{"outcome", "unauthenticated"}});
  forbidden_ = &metrics.counter(name, help, {{"outcome", "forbidden"}});
  cache_hits_ = &metrics.counter("dt_gateway_token_cache_hits_total", "Tokens found already verified");
}

Awaitable<http::Principal> AuthFilter::verify(std::string token) const {
  const auto now = TokenCache::Clock::now();
  if (auto known = cache_.find(token, now)) {
    cache_hits_->inc();
    co_return std::move(*known);
  }
  http::Principal principal = co_await authenticator_->authenticate(token);
  cache_.remember(token, principal, now);
  co_return principal;
}

Awaitable<http::Response> AuthFilter::handle(Exchange& exchange, FilterNext next) const {
  http::Request& request = exchange.request;
  request.principal.reset();
  if (const auto header = request.headers.find("Authorization")) {
    const auto token = auth::bearer_token(*header);
    if (!token) {
      invalid_token_->inc();
      throw auth::invalid_token("the Authorization header must be \"Bearer\" followed by an access token");
    }
    std::string bearer(*token);
    try {
      request.principal = co_await verify(std::move(bearer));
    } catch (const auth::TokenRejected& e) {
      invalid_token_->inc();
      log::debug("access token refused", {{"request_id", request.request_id}, {"reason", auth::to_string(e.reason())}});
      throw auth::invalid_token(e.what());
    } catch (const auth::JwksUnavailable& e) {
      jwks_unavailable_->inc();
      log::warn("access token not verified", {{"request_id", request.request_id}, {"error", e.what()}});
      throw Problem::unavailable("cannot verify the access token: the identity provider is unreachable");
    }
    authenticated_->inc();
  } else {
    anonymous_->inc();
  }

  const auto& required = exchange.route.config.auth;
  if (required.mode != config::AuthMode::anonymous && !request.principal) {
    unauthenticated_->inc();
    throw Problem::unauthorized("this route needs a signed-in user: send an access token");
  }
  if (required.mode == config::AuthMode::role && !request.principal->has_role(required.role)) {
    forbidden_->inc();
    throw Problem::forbidden("this route needs the role " + required.role);
  }
  co_return co_await next(exchange);
}

}  // namespace dt::gateway::filters
