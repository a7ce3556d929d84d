#include "account/api/profile_json.hpp"

#include <boost/json/array.hpp>

#include <ctime>

namespace dt::account::api {
namespace {

std::string rfc3339_from_ms(std::int64_t ms) {
  const std::time_t seconds = static_cast<std::time_t>(ms / 1000);
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return text;
}

}  // namespace

boost::json::object profile_json(const domain::Profile& profile) {
  return {{"user_id", profile.user_id},
          {"username", profile.username},
          {"email", profile.email},
          {"display_name", profile.display_name},
          {"language", std::string(domain::language_code(profile.language))},
          {"target_class", profile.target_class},
          {"email_opt_ins", boost::json::object{{"exam_results", profile.opt_ins.exam_results},
                                                {"product_news", profile.opt_ins.product_news}}}};
}

boost::json::object user_json(const keycloak::KeycloakUser& user, const std::optional<domain::Profile>& profile,
                              const std::optional<std::vector<std::string>>& roles) {
  boost::json::object out{{"user_id", user.id},
                          {"username", user.username},
                          {"email", user.email},
                          {"enabled", user.enabled},
                          {"email_verified", user.email_verified},
                          {"created_at", rfc3339_from_ms(user.created_ms)}};
  out["profile"] = profile ? boost::json::value(profile_json(*profile)) : boost::json::value(nullptr);
  if (roles) {
    boost::json::array list;
    for (const auto& role : *roles) list.emplace_back(role);
    out["roles"] = std::move(list);
  }
  return out;
}

}  // namespace dt::account::api
