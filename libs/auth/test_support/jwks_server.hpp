#pragma once
// JwksServer: a real kit HTTP server on an ephemeral 127.0.0.1 port serving a JWKS document at /certs, as the
// identity provider would, for tests of the cache and of services that verify tokens. The document, the status
// and a delay can be changed while it runs (key rotation, outages, slow answers); it counts the fetches.
#include <atomic>
#include <chrono>
#include <memory>
#include <string>

#include "http/test_support/test_server.hpp"

namespace dt::auth::testing {

class JwksServer {
 public:
  explicit JwksServer(std::string document);

  std::string url() const;  // http://127.0.0.1:<port>/certs
  int fetches() const;
  void set_document(std::string document);
  void set_status(int status);  // answered with the document as its body
  void set_delay(std::chrono::milliseconds delay);
  // Stops serving: later fetches fail, by a refused connection or a timeout (the kit server's shutdown may leave
  // its listening socket open until it is destroyed). For an immediate refusal use unreachable_url().
  void stop();

 private:
  struct State;
  static http::Router routes(std::shared_ptr<State> state);

  std::shared_ptr<State> state_;
  http::testing::TestServer server_;
};

// An http:// URL on 127.0.0.1 where nothing listens (a port just bound and released).
std::string unreachable_url();

}  // namespace dt::auth::testing
