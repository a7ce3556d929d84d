#include "registry/registry_keys.hpp"

#include <algorithm>
#include <stdexcept>

namespace dt::registry {

std::string service_prefix(std::string_view service) {
  const bool valid = !service.empty() && std::all_of(service.begin(), service.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
  });
  if (!valid) throw std::invalid_argument("registry: service name '" + std::string(service) + "' is not [a-z0-9-]+");
  return std::string(kServicesPrefix) + std::string(service) + "/";
}

std::string instance_key(const ServiceInstance& instance) {
  const bool valid = !instance.id.empty() && std::all_of(instance.id.begin(), instance.id.end(),
                                                         [](char c) { return c > ' ' && c < 0x7f && c != '/'; });
  if (!valid)
    throw std::invalid_argument("registry: instance id '" + instance.id + "' is not printable ASCII without '/'");
  return service_prefix(instance.service) + instance.id;
}

std::string prefix_range_end(std::string_view prefix) {
  std::string end(prefix);
  while (!end.empty()) {
    auto& last = reinterpret_cast<unsigned char&>(end.back());
    if (last < 0xff) {
      ++last;
      return end;
    }
    end.pop_back();
  }
  // Every byte was 0xff (or the prefix is empty): etcd reads "\0" as "to the end of the key space".
  return std::string(1, '\0');
}

}  // namespace dt::registry
