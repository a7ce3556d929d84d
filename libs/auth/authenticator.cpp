#include "auth/authenticator.hpp"

namespace dt::auth {

Authenticator::Authenticator(JwksCache& jwks, VerifierOptions options, Clock clock)
    : jwks_(jwks), options_(std::move(options)), clock_(std::move(clock)) {}

Awaitable<http::Principal> Authenticator::authenticate(std::string token) const {
  const auto kid = token_kid(token);
  if (!kid) co_return verify_token(token, no_keys_, options_, clock_());  // throws: malformed, algorithm or no kid
  const std::shared_ptr<const KeySet> keys = co_await jwks_.keys_for(*kid);
  co_return verify_token(token, *keys, options_, clock_());
}

}  // namespace dt::auth
