#pragma once
// AuthMiddleware: turns the request's bearer token into Request::principal. No Authorization header: the
// request stays anonymous (principal nullopt) and goes on; routes that need a user check the principal
// themselves. A valid token: principal set, the request goes on. Anything else is answered here:
//   - a header that is not "Bearer <token>", or a token that is malformed, forged, expired or not for us:
//     401 problem with `WWW-Authenticate: Bearer error="invalid_token"`, the detail saying why in plain words;
//   - the identity provider's keys cannot be fetched: 503 (the token may be fine; the client should retry).
// Counts each outcome in dt_auth_requests_total{outcome="..."}.
#include <array>
#include <memory>

#include "auth/authenticator.hpp"
#include "http/pipeline.hpp"
#include "metrics/registry.hpp"

namespace dt::auth {

class AuthMiddleware : public http::Middleware {
 public:
  AuthMiddleware(std::shared_ptr<const Authenticator> authenticator, metrics::Registry& registry);
  Awaitable<http::Response> handle(http::Request& request, http::Next next) override;

 private:
  // anonymous, authenticated, bad_header, jwks_unavailable, then one per TokenError.
  static constexpr std::size_t kTokenErrors = 8;
  static constexpr std::size_t kOutcomes = 4 + kTokenErrors;

  std::shared_ptr<const Authenticator> authenticator_;
  std::array<metrics::Counter*, kOutcomes> outcomes_{};
};

}  // namespace dt::auth
