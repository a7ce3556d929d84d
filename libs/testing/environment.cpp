#include "testing/environment.hpp"

#include <cstdlib>
#include <mutex>
#include <random>
#include <stdexcept>

namespace dt::testing {

std::string required_env(const char* name) {
  const char* value = std::getenv(name);
  if (value == nullptr || *value == '\0') {
    throw std::runtime_error(std::string(name) +
                             " is not set: start the servers and `. infra/env.sh` (make test does)");
  }
  return value;
}

std::string unique_name(std::string_view prefix) {
  static std::mutex mutex;
  static std::mt19937 generator{std::random_device{}()};
  const std::lock_guard lock(mutex);
  return std::string(prefix) + std::to_string(generator() % 1'000'000'000u);
}

}  // namespace dt::testing
