#pragma once
// How profiles and users look in responses.
#include <boost/json/object.hpp>

#include <optional>
#include <string>
#include <vector>

#include "account/domain/profile.hpp"
#include "account/keycloak/keycloak_admin.hpp"

namespace dt::account::api {

// {"user_id", "username", "email", "display_name", "language", "target_class",
//  "email_opt_ins": {"exam_results", "product_news"}}
boost::json::object profile_json(const domain::Profile& profile);

// For admins: {"user_id", "username", "email", "enabled", "email_verified", "created_at" (RFC 3339),
//  "profile": <profile_json or null>} and, when given, "roles": [...].
boost::json::object user_json(const keycloak::KeycloakUser& user, const std::optional<domain::Profile>& profile,
                              const std::optional<std::vector<std::string>>& roles = std::nullopt);

}  // namespace dt::account::api
