#pragma once
// parse_gateway_config: the route file (JSON) to a GatewayConfig, with every field checked. Mistakes are
// collected (one per route or policy at most, the first found there) and thrown together as ConfigInvalid, each
// naming where it is:  route "catalog-admin" (routes[7]): 'auth': must be "anonymous", "signed-in" or "role:<name>"
// The format is documented field by field in docs/gateway.md.
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "gateway/config/gateway_config.hpp"

namespace dt::gateway::config {

class ConfigInvalid : public std::runtime_error {
 public:
  explicit ConfigInvalid(std::vector<std::string> errors);
  const std::vector<std::string>& errors() const { return errors_; }

 private:
  std::vector<std::string> errors_;
};

// Throws ConfigInvalid.
GatewayConfig parse_gateway_config(std::string_view json_text, const ConfigLimits& limits = {});

// Reads and parses a file; each error is prefixed with the file's path. Throws ConfigInvalid (also when the file
// cannot be read).
GatewayConfig load_gateway_config(const std::string& path, const ConfigLimits& limits = {});

}  // namespace dt::gateway::config
