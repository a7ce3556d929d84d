#pragma once
// register_with_registry: a service's one line to be found by the gateway. In its run_main setup:
//
//   dt::registry::register_with_registry(service, env);
//
// Once the service listens it registers {name, id, address, bound port, DT_VERSION, /health/ready URL} under a
// lease (registration.hpp) and keeps it alive; when shutdown begins it revokes the lease, so the instance leaves
// the registry before its connections drain. etcd being down never stops the service: it registers when etcd
// comes back. Settings (see docs/registry.md):
//   DT_REGISTRY_URL          etcd's client URL, default http://127.0.0.1:22379; "off" registers nothing
//   DT_REGISTRY_TTL_SECONDS  lease TTL, default 10 (2 to 300): how long a killed instance stays listed at most
//   DT_REGISTRY_ADDRESS      the address others reach this instance at; default DT_HTTP_HOST, or the machine's
//                            host name when DT_HTTP_HOST listens on every interface (0.0.0.0, ::)
// The instance id is "<service>-<address>-<port>-<pid>", unique per running process.
#include "config/env_config.hpp"
#include "service/service.hpp"

namespace dt::registry {

// Throws config::ConfigError for a malformed DT_REGISTRY_URL; other bad values are reported by env.check().
void register_with_registry(service::Service& service, config::EnvConfig& env);

}  // namespace dt::registry
