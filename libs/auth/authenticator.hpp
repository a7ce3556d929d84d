#pragma once
// Authenticator: what a service needs to check a bearer token, shared by its threads: the JWKS cache, the
// verifier options and the clock. authenticate() looks the token's key up (fetching the JWKS if needed) and
// verifies it. Tokens that cannot name an RS256 key are refused without touching the cache.
#include <chrono>
#include <functional>
#include <string>

#include "async/awaitable.hpp"
#include "auth/jwks_cache.hpp"
#include "auth/key_set.hpp"
#include "auth/token_verifier.hpp"
#include "http/principal.hpp"

namespace dt::auth {

class Authenticator {
 public:
  using Clock = std::function<std::chrono::system_clock::time_point()>;

  // `jwks` must outlive the authenticator; `clock` is for tests.
  Authenticator(JwksCache& jwks, VerifierOptions options, Clock clock = &std::chrono::system_clock::now);

  // The principal of a valid token. Throws TokenRejected (the client's fault: 401) or JwksUnavailable (the
  // identity provider's: 503).
  Awaitable<http::Principal> authenticate(std::string token) const;

  const VerifierOptions& options() const { return options_; }

 private:
  JwksCache& jwks_;
  VerifierOptions options_;
  Clock clock_;
  KeySet no_keys_;  // for tokens refused before any key is needed
};

}  // namespace dt::auth
