#pragma once
// The named parts of the route file that routes refer to (rate limits, CORS policies, services) and the auth
// value, each read from its JSON object. Internal to parse_gateway_config: errors are thrown as dt::Problem
// (invalid_field, naming the field relative to the object read) and turned into ConfigInvalid lines there.
#include <boost/json/value.hpp>

#include <string>
#include <string_view>

#include "gateway/config/gateway_config.hpp"

namespace dt::gateway::config {

RateLimitPolicy read_rate_limit_policy(const std::string& name, const boost::json::value& value);
CorsPolicy read_cors_policy(const std::string& name, const boost::json::value& value);
ServiceConfig read_service_config(const std::string& name, const boost::json::value& value);

// "anonymous", "signed-in" or "role:<name>"; `field` names the value in the error.
AuthRequirement parse_auth(std::string_view text, const std::string& field);
std::string to_string(const AuthRequirement& auth);

// [a-z0-9-]+, 1 to 64 characters: route, policy and service names.
bool is_name(std::string_view text);

}  // namespace dt::gateway::config
