#pragma once
// TokenFactory: mints real RS256 access tokens for tests, as Keycloak would, with a fresh RSA-2048 key pair.
//   dt::auth::testing::TokenFactory tokens("key-1");
//   JwksServer jwks(tokens.jwks());                        // or serve tokens.jwks() any other way
//   auto token = tokens.token_for("user-1", {"learner"});  // valid for an hour, aud drivetest-api
//   auto odd = tokens.sign(header, claims);                // any header and claims, signed as given
// Generating a key takes tens of milliseconds: share one factory across a suite where possible.
#include <boost/json/object.hpp>

#include <chrono>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "auth/key_set.hpp"

namespace dt::auth::testing {

inline constexpr std::string_view kTestIssuer = "http://127.0.0.1:28180/realms/drivetest";
inline constexpr std::string_view kTestAudience = "drivetest-api";
inline constexpr std::string_view kTestClient = "drivetest-web";

class TokenFactory {
 public:
  explicit TokenFactory(std::string kid = "test-key", std::string issuer = std::string(kTestIssuer));

  const std::string& kid() const { return kid_; }
  const std::string& issuer() const { return issuer_; }

  // The public key as a JWK (kty RSA, use sig, alg RS256, kid, n, e).
  boost::json::object jwk() const;
  // A JWKS document holding jwk() only.
  std::string jwks() const;
  // The public key as DER (SubjectPublicKeyInfo) and PEM: what an HS256 forgery would use as its secret.
  std::string public_key_der() const;
  std::string public_key_pem() const;

  // {"alg":"RS256","typ":"JWT","kid":kid()}
  boost::json::object header() const;
  // Keycloak-like claims: iss, aud, azp, sub, preferred_username, email, realm_access.roles, iat = now,
  // exp = now + lifetime.
  boost::json::object claims(const std::string& subject, const std::vector<std::string>& roles,
                             std::chrono::system_clock::time_point now = std::chrono::system_clock::now(),
                             std::chrono::seconds lifetime = std::chrono::hours(1)) const;

  // header.claims.signature: RS256 with this factory's key over exactly the given header and claims.
  std::string sign(const boost::json::object& header, const boost::json::object& claims) const;
  // sign(header(), claims(subject, roles)).
  std::string token_for(const std::string& subject, const std::vector<std::string>& roles = {"learner"}) const;
  // The RS256 signature of `signing_input`, base64url.
  std::string signature(std::string_view signing_input) const;

 private:
  std::string kid_;
  std::string issuer_;
  std::unique_ptr<EVP_PKEY, PkeyFree> key_;
};

// base64url(JSON of value): one part of a compact JWT, for hand-made tokens.
std::string encode_part(const boost::json::object& value);
// A JWKS document holding the given JWKs.
std::string jwks_of(const std::vector<boost::json::object>& keys);
// base64url of an HMAC-SHA256 of `signing_input` with `secret`: for HS256 forgeries.
std::string hs256_signature(std::string_view signing_input, std::string_view secret);

}  // namespace dt::auth::testing
