#include "auth/auth_settings.hpp"

#include <memory>
#include <stdexcept>

#include "auth/auth_middleware.hpp"
#include "auth/authenticator.hpp"
#include "http_client/http_url.hpp"

namespace dt::auth {
namespace {

std::vector<std::string> comma_list(std::string_view text) {
  std::vector<std::string> items;
  while (!text.empty()) {
    const auto comma = text.find(',');
    auto item = text.substr(0, comma);
    text = comma == std::string_view::npos ? std::string_view{} : text.substr(comma + 1);
    const auto first = item.find_first_not_of(" \t");
    if (first == std::string_view::npos) continue;
    item = item.substr(first, item.find_last_not_of(" \t") - first + 1);
    items.emplace_back(item);
  }
  return items;
}

}  // namespace

VerifierOptions AuthSettings::verifier_options() const {
  VerifierOptions options;
  options.issuer = issuer;
  options.audiences = audiences;
  options.leeway = leeway;
  return options;
}

JwksOptions AuthSettings::jwks_options() const {
  JwksOptions options;
  options.jwks_url = jwks_url;
  return options;
}

AuthSettings read_auth_settings(config::EnvConfig& env) {
  AuthSettings s;
  s.issuer = env.string("DT_AUTH_ISSUER", kDefaultIssuer);
  const bool slash = !s.issuer.empty() && s.issuer.back() == '/';
  s.jwks_url = env.string("DT_AUTH_JWKS_URL", s.issuer + (slash ? "" : "/") + "protocol/openid-connect/certs");
  s.audiences = comma_list(env.string("DT_AUTH_AUDIENCE", "drivetest-api"));
  s.leeway = std::chrono::seconds(env.integer("DT_AUTH_LEEWAY_SECONDS", 30, {.min = 0, .max = 300}));
  try {
    http::HttpUrl::parse(s.jwks_url);
  } catch (const std::invalid_argument& e) {
    throw config::ConfigError(std::string("DT_AUTH_JWKS_URL: ") + e.what());
  }
  if (s.audiences.empty()) throw config::ConfigError("DT_AUTH_AUDIENCE: names no audience");
  return s;
}

void add_auth(service::Service& service, config::EnvConfig& env) {
  const AuthSettings settings = read_auth_settings(env);
  http::ClientOptions client_options;
  client_options.max_connections_per_host = 2;
  auto& client = service.own(std::make_unique<http::HttpClient>(service.executor(), client_options));
  auto& jwks = service.own(std::make_unique<JwksCache>(service.executor(), client, settings.jwks_options()));
  auto authenticator = std::make_shared<const Authenticator>(jwks, settings.verifier_options());
  service.add_middleware(std::make_unique<AuthMiddleware>(std::move(authenticator), service.metrics()));
}

}  // namespace dt::auth
