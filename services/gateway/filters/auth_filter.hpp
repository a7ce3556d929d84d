#pragma once
// AuthFilter: verifies the bearer token at the edge with the kit's Authenticator (libs/auth: RS256 against the
// realm's JWKS) and enforces the route's requirement. The principal it sets becomes X-DT-User-Id and X-DT-Roles
// downstream (forwarded_headers.hpp).
//   - No Authorization header: anonymous.
//   - A header that is not "Bearer <token>", or a token that is malformed, forged, expired or not for us: 401
//     with WWW-Authenticate: Bearer error="invalid_token", on every route (a client sending a bad token should
//     learn it, even where a token is optional). The identity provider's keys unreachable: 503.
//   - Route "signed-in" or "role:<name>" without a token: 401 with WWW-Authenticate: Bearer; "role:<name>" with
//     a principal lacking the role: 403.
// Verified tokens are remembered for a minute at most (token_cache.hpp): a client's next requests cost a hash
// lookup instead of a signature check.
// Counted in dt_gateway_auth_total{outcome}: anonymous, authenticated (cache hits included), invalid_token,
// jwks_unavailable, unauthenticated (401: a token was needed), forbidden (403); cache hits also in
// dt_gateway_token_cache_hits_total.
#include <memory>

#include "auth/authenticator.hpp"
#include "gateway/filters/filter.hpp"
#include "gateway/filters/token_cache.hpp"
#include "metrics/registry.hpp"

namespace dt::gateway::filters {

class AuthFilter : public Filter {
 public:
  AuthFilter(std::shared_ptr<const auth::Authenticator> authenticator, metrics::Registry& metrics);
  Awaitable<http::Response> handle(Exchange& exchange, FilterNext next) const override;

 private:
  Awaitable<http::Principal> verify(std::string token) const;

  std::shared_ptr<const auth::Authenticator> authenticator_;
  mutable TokenCache cache_;
  metrics::Counter* cache_hits_;
  metrics::Counter* anonymous_;
  metrics::Counter* authenticated_;
  metrics::Counter* invalid_token_;
  metrics::Counter* jwks_unavailable_;
  metrics::Counter* unauthenticated_;
  metrics::Counter* forbidden_;
};

}  // namespace dt::gateway::filters
