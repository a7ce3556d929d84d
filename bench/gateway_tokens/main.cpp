// gateway-bench-tokens: an identity provider stand-in for bench/gateway_vs_nginx.sh. Serves a JWKS on an
// ephemeral port and prints two lines, the JWKS URL and an access token (subject bench-user, role learner,
// valid for an hour) that verifies against it, then serves until its standard input closes.
#include <iostream>
#include <string>

#include "auth/test_support/jwks_server.hpp"
#include "auth/test_support/token_factory.hpp"

int main() {
  const dt::auth::testing::TokenFactory tokens("bench-key");
  dt::auth::testing::JwksServer jwks(tokens.jwks());
  std::cout << jwks.url() << '\n' << tokens.token_for("bench-user", {"learner"}) << std::endl;
  std::string ignored;
  while (std::getline(std::cin, ignored)) {
  }
  return 0;
}
