#pragma once
// EchoUpstream: an in-process kit server with the EchoMiddleware on an ephemeral port, registered in the real
// etcd (DT_ETCD_URL) as an instance of `service`: what the gateway tests route to. stop() deregisters it and
// shuts it down, as a graceful stop of a real instance would.
#include <chrono>
#include <cstdint>
#include <memory>
#include <string>

namespace dt::gateway::testing {

class EchoUpstream {
 public:
  // idle_timeout: how long the server keeps an idle keep-alive connection open (the kit's default: 60 s).
  EchoUpstream(const std::string& service, const std::string& etcd_url,
               std::chrono::milliseconds idle_timeout = std::chrono::seconds(60));
  ~EchoUpstream();
  EchoUpstream(const EchoUpstream&) = delete;
  EchoUpstream& operator=(const EchoUpstream&) = delete;

  std::uint16_t port() const;
  const std::string& id() const;
  // Requests the echo answered (its own /health and /metrics excluded).
  long requests() const;
  // Deregisters (the key goes at once) and shuts the server down. Idempotent.
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace dt::gateway::testing
