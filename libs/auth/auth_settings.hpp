#pragma once
// Token verification for a whole service, from the environment:
//   DT_AUTH_ISSUER          the iss every token must carry (default http://127.0.0.1:28180/realms/drivetest)
//   DT_AUTH_JWKS_URL        where the signing keys are (default <issuer>/protocol/openid-connect/certs)
//   DT_AUTH_AUDIENCE        comma-separated accepted audiences, matched against aud or azp (default drivetest-api)
//   DT_AUTH_LEEWAY_SECONDS  clock skew tolerated on exp/nbf/iat, 0..300 (default 30)
// In main.cpp's setup:  dt::auth::add_auth(service, env);
// No readiness check is added on purpose: an identity provider that is down must not make a service unready
// for anonymous traffic (authenticated requests get 503 meanwhile).
#include <chrono>
#include <string>
#include <vector>

#include "auth/jwks_cache.hpp"
#include "auth/token_verifier.hpp"
#include "config/env_config.hpp"
#include "service/service.hpp"

namespace dt::auth {

inline constexpr const char* kDefaultIssuer = "http://127.0.0.1:28180/realms/drivetest";

struct AuthSettings {
  std::string issuer;
  std::string jwks_url;
  std::vector<std::string> audiences;
  std::chrono::seconds leeway{30};

  VerifierOptions verifier_options() const;
  JwksOptions jwks_options() const;
};

// Reads the DT_AUTH_* variables; problems with ranges are recorded in env (call env.check() after), a JWKS URL
// HttpClient cannot call or an empty audience list throws config::ConfigError naming the variable.
AuthSettings read_auth_settings(config::EnvConfig& env);

// Reads the settings and installs the AuthMiddleware on `service`, with the HTTP client and JWKS cache it needs
// (owned by the service). Call before service.run().
void add_auth(service::Service& service, config::EnvConfig& env);

}  // namespace dt::auth
