#pragma once
// Registration: one service instance registered in etcd for as long as it runs.
//
// start() spawns a loop on the executor: grant a lease of `ttl`, put /drivetest/services/<service>/<id> with
// the instance's JSON under it, then renew the lease every ttl/3. When a renewal finds the lease gone (etcd lost
// its data, or could not be reached for longer than the TTL and expired it) the loop registers again under a new
// lease. While etcd is unreachable it retries with backoff (500 ms doubling up to ttl/3) and logs once, never
// throwing into the service.
//
// stop() ends the loop and revokes the lease, which deletes the key at once: deregistration on a graceful
// shutdown. Destroying a Registration without stop() only ends the loop: the key stays until the lease runs out
// (ttl), exactly what happens when the process is killed.
#include <chrono>
#include <memory>
#include <string>

#include "async/awaitable.hpp"
#include "registry/service_instance.hpp"

namespace dt::registry {

struct RegistrationOptions {
  std::string etcd_url = "http://127.0.0.1:22379";
  // Lease TTL: how long a dead instance stays listed at most. etcd refuses less than about 2 s.
  std::chrono::seconds ttl{10};
  // Bounds each etcd call, including the revoke in stop().
  std::chrono::milliseconds request_timeout{2000};
};

class Registration {
 public:
  // Throws std::invalid_argument for a malformed etcd_url, a ttl under 1 s, or an instance whose service name or
  // id cannot be a key (registry_keys.hpp).
  Registration(Executor executor, RegistrationOptions options, ServiceInstance instance);
  ~Registration();
  Registration(const Registration&) = delete;
  Registration& operator=(const Registration&) = delete;

  // Starts registering (at most once; nothing is sent before it).
  void start();
  // Ends the loop and revokes the lease (deleting the key), waiting for etcd at most request_timeout; a failure
  // is logged, and the key then expires within ttl. Blocks the calling thread, on a private io_context, so it
  // works from any thread, including the executor's (e.g. a Service::on_shutdown hook). Idempotent.
  void stop();

  const ServiceInstance& instance() const;
  // True while the instance's key is known to be in etcd (after a successful put or renewal).
  bool registered() const;

 private:
  struct State;
  static Awaitable<void> keep_registered(std::shared_ptr<State> state);
  static Awaitable<void> register_once(State& state);

  std::shared_ptr<State> state_;
};

}  // namespace dt::registry
