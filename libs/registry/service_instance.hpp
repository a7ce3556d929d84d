#pragma once
// ServiceInstance: one running copy of a service as the registry knows it, and its JSON form (the value stored
// under /drivetest/services/<service>/<id>):
//   {"service":"catalog","id":"catalog-127.0.0.1-28081-4242","address":"127.0.0.1","port":28081,
//    "version":"dev","health_url":"http://127.0.0.1:28081/health/ready"}
#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

namespace dt::registry {

struct ServiceInstance {
  std::string service;  // "catalog"
  std::string id;       // unique among the service's instances
  std::string address;  // where other services reach it: an IP address or a host name
  std::uint16_t port = 0;
  std::string version;
  std::string health_url;  // its readiness endpoint

  // "http://address:port", the base URL callers send requests to.
  std::string base_url() const;

  auto operator<=>(const ServiceInstance&) const = default;
};

std::string to_json(const ServiceInstance& instance);
// Throws std::invalid_argument naming what is missing or wrong.
ServiceInstance parse_instance(std::string_view json);

}  // namespace dt::registry
