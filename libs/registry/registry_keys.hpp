#pragma once
// The registry's key layout in etcd, in one place:
//   /drivetest/services/<service>/<instance id>  ->  the instance as JSON (service_instance.hpp)
// A service name is [a-z0-9-]+ and an instance id is printable ASCII without '/', so that a service's prefix
// never matches another service's keys ("catalog/" is not a prefix of "catalog-admin/...").
#include <string>
#include <string_view>

#include "registry/service_instance.hpp"

namespace dt::registry {

inline constexpr std::string_view kServicesPrefix = "/drivetest/services/";

// "/drivetest/services/catalog/"; throws std::invalid_argument for a name outside [a-z0-9-]+.
std::string service_prefix(std::string_view service);
// "/drivetest/services/catalog/<id>"; throws std::invalid_argument for a bad service name or id.
std::string instance_key(const ServiceInstance& instance);
// The smallest key greater than every key starting with prefix (etcd's range_end for a prefix query).
std::string prefix_range_end(std::string_view prefix);

}  // namespace dt::registry
