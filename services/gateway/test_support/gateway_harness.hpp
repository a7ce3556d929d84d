#pragma once
// GatewayHarness: the whole gateway (wire_gateway, as main.cpp) in-process on an ephemeral port, against the
// real etcd (DT_ETCD_URL) and Redis (DT_REDIS_URL), with tokens minted by a shared TokenFactory and served by a
// JwksServer of its own. The route file is written to a temporary directory (rewrite it to test reloads); the
// registry is polled every 100 ms and the file checked every 100 ms; rate-limit keys get a prefix of their own.
//
//   GatewayHarness gateway(for_service(routes, "t-123-catalog"));
//   EchoUpstream upstream("t-123-catalog", etcd_url());
//   auto reply = gateway.call("GET", "/api/catalog/jurisdictions", "", gateway.token("user-1", {"learner"}));
#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "auth/test_support/token_factory.hpp"
#include "http/test_support/json_call.hpp"
#include "service/service.hpp"

namespace dt::gateway::testing {

using Reply = http::testing::JsonReply;

// DT_ETCD_URL and DT_REDIS_URL; empty (and a test failure recorded) when unset.
std::string etcd_url();
std::string redis_url();
// A service name of this test's own: "t<pid>-<n>-<base>".
std::string unique_service(const std::string& base);
// The committed services/gateway/routes.json with every service name s replaced by rename(s).
std::string committed_routes(const std::function<std::string(const std::string&)>& rename);
// A 127.0.0.1 port nobody listens on (bound and released).
std::uint16_t unused_port();
// `text` with every "SVC" replaced by `service`: route files written for a test's own service name.
std::string for_service(std::string text, const std::string& service);
// Polls every 20 ms until condition() holds (true) or timeout passes (false).
bool eventually(const std::function<bool()>& condition, std::chrono::milliseconds timeout);

class GatewayHarness {
 public:
  // routes: the route file's text; variables: more DT_* variables, or replacements of the harness's;
  // static_dir: the web app's files (empty: an empty temporary directory, the app not built).
  explicit GatewayHarness(const std::string& routes, const std::map<std::string, std::string>& variables = {},
                          const std::string& static_dir = "");
  ~GatewayHarness();
  GatewayHarness(const GatewayHarness&) = delete;
  GatewayHarness& operator=(const GatewayHarness&) = delete;

  std::uint16_t port() const;
  service::Service& service();

  // One request on a fresh connection; a non-empty token is sent as a bearer token. extra_headers: complete
  // lines ending in "\r\n".
  Reply call(const std::string& method, const std::string& target, const std::string& body = "",
             const std::string& token = "", const std::string& extra_headers = "");

  static const auth::testing::TokenFactory& tokens();
  std::string token(const std::string& subject, const std::vector<std::string>& roles) const;

  // Replaces the route file (through a rename, as editors and deploys do).
  void write_routes(const std::string& text);
  // The value of a metric series as rendered at /metrics ("name{labels}"), or -1 when absent.
  double metric(const std::string& series);
  // Waits until the gateway lists `count` instances of service.
  bool wait_for_instances(const std::string& service, int count, std::chrono::milliseconds timeout);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace dt::gateway::testing
