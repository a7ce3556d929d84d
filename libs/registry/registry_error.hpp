#pragma once
// RegistryUnavailable: the registry (etcd, or whatever backs a Discovery) could not answer: unreachable, timed
// out, or it answered with an error. Callers keep what they knew and try again later.
#include <stdexcept>

namespace dt::registry {

class RegistryUnavailable : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace dt::registry
