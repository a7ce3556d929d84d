#pragma once
// verify_token: checks an access token (a JWS-signed JWT from the identity provider) and says who sent it.
// Pure: no I/O, the keys and the time are given. Accepts only RS256 with a key of the given set, then checks
// iss (exact), aud or azp (one of the accepted audiences), exp (required), nbf and iat (optional), the times
// with a small leeway for clock skew, sub (required), and Keycloak's token type claim (typ, when present, must be
// "Bearer": ID and refresh tokens are refused). Roles come from realm_access.roles.
#include <chrono>
#include <cstddef>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "auth/key_set.hpp"
#include "http/principal.hpp"

namespace dt::auth {

struct VerifierOptions {
  std::string issuer;                  // e.g. "http://127.0.0.1:28180/realms/drivetest"
  std::vector<std::string> audiences;  // a token is for us if its aud contains, or its azp is, one of these
  std::chrono::seconds leeway{30};     // tolerated clock skew for exp, nbf and iat
};

// A larger token is refused as malformed before anything is decoded.
inline constexpr std::size_t kMaxTokenSize = 16 * 1024;

enum class TokenError {
  malformed,              // not a JWT, bad base64url or JSON, a required claim missing or mistyped, too large
  unsupported_algorithm,  // header alg other than "RS256" ("none", "HS256", ...)
  unknown_key,            // kid missing or not in the key set
  bad_signature,
  expired,
  not_yet_valid,  // nbf, or iat, in the future
  wrong_issuer,
  wrong_audience,  // neither aud nor azp names an accepted audience, or not an access token (typ)
};

// "malformed", "unsupported_algorithm", ...: metric labels and logs.
std::string_view to_string(TokenError error);

// Why a token was refused. what() is a plain sentence fit for a 401 detail ("the access token has expired");
// it never contains the token or its claims.
class TokenRejected : public std::runtime_error {
 public:
  TokenRejected(TokenError reason, const std::string& message) : std::runtime_error(message), reason_(reason) {}
  TokenError reason() const { return reason_; }

 private:
  TokenError reason_;
};

// The verified token's principal; throws TokenRejected.
http::Principal verify_token(std::string_view token, const KeySet& keys, const VerifierOptions& options,
                             std::chrono::system_clock::time_point now);

// The kid of a token whose header is well-formed and names RS256, to look its key up (and refresh the key set
// when it is unknown); nullopt for any other token, which verify_token refuses without needing a key.
std::optional<std::string> token_kid(std::string_view token);

}  // namespace dt::auth
