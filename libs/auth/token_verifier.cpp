#include "auth/token_verifier.hpp"

#include <openssl/err.h>
#include <openssl/evp.h>

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <memory>

#include "auth/base64url.hpp"

namespace dt::auth {
namespace {

struct Parts {
  std::string_view header;
  std::string_view payload;
  std::string_view signature;
  std::string_view signing_input;  // "header.payload", what the signature covers
};

[[noreturn]] void reject(TokenError reason, const std::string& message) { throw TokenRejected(reason, message); }

// The three parts of a JWS compact serialization, or nullopt.
std::optional<Parts> split(std::string_view token) {
  if (token.size() > kMaxTokenSize) return std::nullopt;
  const auto first = token.find('.');
  if (first == std::string_view::npos) return std::nullopt;
  const auto second = token.find('.', first + 1);
  if (second == std::string_view::npos || token.find('.', second + 1) != std::string_view::npos) return std::nullopt;
  return Parts{token.substr(0, first), token.substr(first + 1, second - first - 1), token.substr(second + 1),
               token.substr(0, second)};
}

std::optional<boost::json::object> json_object(std::string_view part) {
  const auto bytes = base64url_decode(part);
  if (!bytes) return std::nullopt;
  boost::system::error_code ec;
  auto value = boost::json::parse(*bytes, ec);
  if (ec || !value.is_object()) return std::nullopt;
  return std::move(value.as_object());
}

struct Header {
  std::string alg;
  std::optional<std::string> kid;
  bool critical = false;  // "crit": extensions the verifier must understand (RFC 7515 section 4.1.11)
};

std::optional<Header> read_header(const Parts& parts) {
  const auto object = json_object(parts.header);
  if (!object) return std::nullopt;
  Header header;
  if (const auto* alg = object->if_contains("alg"); alg && alg->is_string()) header.alg = alg->get_string();
  if (const auto* kid = object->if_contains("kid"); kid && kid->is_string())
    header.kid = std::string(kid->get_string());
  header.critical = object->contains("crit");
  return header;
}

bool rs256_verifies(EVP_PKEY* key, std::string_view signing_input, const std::string& signature) {
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
  const bool ok =
      ctx && EVP_DigestVerifyInit(ctx.get(), nullptr, EVP_sha256(), nullptr, key) == 1 &&
      EVP_DigestVerify(ctx.get(), reinterpret_cast<const unsigned char*>(signature.data()), signature.size(),
                       reinterpret_cast<const unsigned char*>(signing_input.data()), signing_input.size()) == 1;
  if (!ok) ERR_clear_error();  // a failed verification leaves entries on this thread's error queue
  return ok;
}

[[noreturn]] void wrong_type(std::string_view claim) {
  reject(TokenError::malformed, "the access token's claim \"" + std::string(claim) + "\" has the wrong type");
}

std::optional<std::string> string_claim(const boost::json::object& claims, std::string_view name) {
  const auto* v = claims.if_contains(name);
  if (!v) return std::nullopt;
  if (!v->is_string()) wrong_type(name);
  return std::string(v->get_string());
}

// A NumericDate (seconds since the epoch) claim, saturated to the int64 range; nullopt when absent.
std::optional<std::int64_t> date_claim(const boost::json::object& claims, std::string_view name) {
  const auto* v = claims.if_contains(name);
  if (!v) return std::nullopt;
  if (v->is_int64()) return v->get_int64();
  if (v->is_uint64()) {
    return static_cast<std::int64_t>(
        std::min<std::uint64_t>(v->get_uint64(), std::numeric_limits<std::int64_t>::max()));
  }
  if (v->is_double() && std::isfinite(v->get_double())) {
    const double d = std::floor(v->get_double());
    if (d >= 9.2e18) return std::numeric_limits<std::int64_t>::max();
    if (d <= -9.2e18) return std::numeric_limits<std::int64_t>::min();
    return static_cast<std::int64_t>(d);
  }
  wrong_type(name);
}

void check_times(const boost::json::object& claims, const VerifierOptions& options,
                 std::chrono::system_clock::time_point now) {
  const std::int64_t now_s = std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()).count();
  const std::int64_t leeway = options.leeway.count();
  const auto exp = date_claim(claims, "exp");
  if (!exp) reject(TokenError::malformed, "the access token has no expiry time (exp)");
  if (now_s - leeway >= *exp) reject(TokenError::expired, "the access token has expired");
  if (const auto nbf = date_claim(claims, "nbf"); nbf && *nbf > now_s + leeway) {
    reject(TokenError::not_yet_valid, "the access token is not valid yet");
  }
  if (const auto iat = date_claim(claims, "iat"); iat && *iat > now_s + leeway) {
    reject(TokenError::not_yet_valid, "the access token was issued in the future");
  }
}

bool accepted(const VerifierOptions& options, std::string_view audience) {
  return std::find(options.audiences.begin(), options.audiences.end(), audience) != options.audiences.end();
}

void check_audience(const boost::json::object& claims, const VerifierOptions& options) {
  if (const auto* aud = claims.if_contains("aud")) {
    if (aud->is_string()) {
      if (accepted(options, aud->get_string())) return;
    } else if (aud->is_array()) {
      for (const auto& a : aud->get_array()) {
        if (!a.is_string()) wrong_type("aud");
        if (accepted(options, a.get_string())) return;
      }
    } else {
      wrong_type("aud");
    }
  }
  if (const auto azp = string_claim(claims, "azp"); azp && accepted(options, *azp)) return;
  reject(TokenError::wrong_audience, "the access token is not meant for this service");
}

std::vector<std::string> realm_roles(const boost::json::object& claims) {
  std::vector<std::string> roles;
  const auto* realm_access = claims.if_contains("realm_access");
  if (!realm_access) return roles;
  if (!realm_access->is_object()) wrong_type("realm_access");
  const auto* list = realm_access->get_object().if_contains("roles");
  if (!list) return roles;
  if (!list->is_array()) wrong_type("realm_access.roles");
  for (const auto& role : list->get_array()) {
    if (!role.is_string()) wrong_type("realm_access.roles");
    roles.emplace_back(role.get_string());
  }
  return roles;
}

}  // namespace

std::string_view to_string(TokenError error) {
  switch (error) {
    case TokenError::malformed:
      return "malformed";
    case TokenError::unsupported_algorithm:
      return "unsupported_algorithm";
    case TokenError::unknown_key:
      return "unknown_key";
    case TokenError::bad_signature:
      return "bad_signature";
    case TokenError::expired:
      return "expired";
    case TokenError::not_yet_valid:
      return "not_yet_valid";
    case TokenError::wrong_issuer:
      return "wrong_issuer";
    case TokenError::wrong_audience:
      return "wrong_audience";
  }
  return "unknown";
}

http::Principal verify_token(std::string_view token, const KeySet& keys, const VerifierOptions& options,
                             std::chrono::system_clock::time_point now) {
  if (token.size() > kMaxTokenSize) reject(TokenError::malformed, "the access token is too large");
  const auto parts = split(token);
  if (!parts) reject(TokenError::malformed, "the access token is not a JWT (three parts separated by dots)");
  const auto header = read_header(*parts);
  if (!header) reject(TokenError::malformed, "the access token's header is not base64url-encoded JSON");
  if (header->alg != "RS256") {
    reject(TokenError::unsupported_algorithm, "the access token is signed with an algorithm this service refuses");
  }
  if (header->critical) {
    reject(TokenError::malformed, "the access token's header has critical extensions this service does not know");
  }
  if (!header->kid) reject(TokenError::unknown_key, "the access token does not name its signing key");
  const Key* key = keys.find(*header->kid);
  if (!key)
    reject(TokenError::unknown_key, "the access token is signed with a key the identity provider does not publish");
  const auto signature = base64url_decode(parts->signature);
  if (!signature) reject(TokenError::malformed, "the access token's signature is not base64url");
  if (!rs256_verifies(key->public_key.get(), parts->signing_input, *signature)) {
    reject(TokenError::bad_signature, "the access token's signature is invalid");
  }

  const auto claims = json_object(parts->payload);
  if (!claims) reject(TokenError::malformed, "the access token's claims are not base64url-encoded JSON");
  if (string_claim(*claims, "iss") != options.issuer) {
    reject(TokenError::wrong_issuer, "the access token was issued by another identity provider");
  }
  check_times(*claims, options, now);
  check_audience(*claims, options);
  if (const auto typ = string_claim(*claims, "typ"); typ && *typ != "Bearer") {
    // Keycloak marks its tokens: "Bearer" (access), "ID", "Refresh", ... An ID token has the client as aud and
    // azp, so without this a service accepting that client's id would take ID tokens for access tokens.
    reject(TokenError::wrong_audience, "the token is not an access token");
  }

  http::Principal principal;
  principal.subject = string_claim(*claims, "sub").value_or("");
  if (principal.subject.empty()) reject(TokenError::malformed, "the access token names no subject (sub)");
  principal.username = string_claim(*claims, "preferred_username").value_or("");
  principal.email = string_claim(*claims, "email").value_or("");
  principal.roles = realm_roles(*claims);
  return principal;
}

std::optional<std::string> token_kid(std::string_view token) {
  const auto parts = split(token);
  if (!parts) return std::nullopt;
  const auto header = read_header(*parts);
  if (!header || header->alg != "RS256" || header->critical) return std::nullopt;
  return header->kid;
}

}  // namespace dt::auth
