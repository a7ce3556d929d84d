// User management for admins (realm role "admin"); users are Keycloak's, joined with their profiles here.
//   GET    /api/account/admin/users?search=&page=1&size=20  -> {"items": [user], "total", "page", "size"}
//   GET    /api/account/admin/users/{id}                    -> user with "roles"
//   PUT    /api/account/admin/users/{id}/enabled {"enabled": bool} -> user (a disabled user gets no new tokens)
//   PUT    /api/account/admin/users/{id}/roles/admin        -> user with "roles" (grant)
//   DELETE /api/account/admin/users/{id}/roles/admin        -> user with "roles" (revoke)
//   POST   /api/account/admin/users/{id}/password-reset     -> 202; Keycloak e-mails a reset link
// Admins cannot disable themselves or revoke their own admin role (409): the last admin could lock everyone out.
#include <boost/json/array.hpp>
#include <boost/json/value.hpp>

#include <algorithm>
#include <charconv>

#include "account/api/profile_json.hpp"
#include "account/api/routes.hpp"
#include "errors/problem.hpp"
#include "http/json_response.hpp"
#include "http/require_principal.hpp"
#include "json/body.hpp"
#include "json/object_reader.hpp"
#include "log/log.hpp"

namespace dt::account::api {
namespace {

using http::Request;
using http::Response;

constexpr int kMaxPageSize = 100;

int int_param(const Request& request, std::string_view name, int fallback, int min, int max) {
  const auto text = request.query_param(name);
  if (!text || text->empty()) return fallback;
  int value = 0;
  const auto* end = text->data() + text->size();
  const auto [ptr, ec] = std::from_chars(text->data(), end, value);
  if (ec != std::errc() || ptr != end || value < min || value > max) {
    throw Problem::invalid_field(std::string(name),
                                 "must be a whole number from " + std::to_string(min) + " to " + std::to_string(max));
  }
  return value;
}

// Keycloak ids are UUIDs; anything else cannot name a user (and must not reach Keycloak's URL).
const std::string& user_id_param(const Request& request) {
  const auto& id = request.param("id");
  const bool plausible = !id.empty() && id.size() <= 64 && std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || c == '-';
  });
  if (!plausible) throw Problem::not_found("no user with id '" + id.substr(0, 64) + "'");
  return id;
}

Awaitable<keycloak::KeycloakUser> existing_user(AccountApi& api, const std::string& id) {
  auto user = co_await api.keycloak.get_user(id);
  if (!user) throw Problem::not_found("no user with id '" + id + "'");
  co_return std::move(*user);
}

Awaitable<Response> user_response(AccountApi& api, const std::string& id) {
  const auto user = co_await existing_user(api, id);
  const auto profile = co_await api.store.find(id);
  const std::optional<std::vector<std::string>> roles = co_await api.keycloak.realm_roles(id);
  co_return http::json_response(200, user_json(user, profile, roles));
}

Awaitable<Response> list_users(AccountApi& api, Request& request) {
  http::require_role(request, "admin");
  const auto search = request.query_param("search").value_or("");
  if (search.size() > 100) throw Problem::invalid_field("search", "must be at most 100 characters long");
  const int page = int_param(request, "page", 1, 1, 100'000);
  const int size = int_param(request, "size", 20, 1, kMaxPageSize);
  const auto found = co_await api.keycloak.search(search, (page - 1) * size, size);
  std::vector<std::string> ids;
  for (const auto& user : found.users) ids.push_back(user.id);
  const auto profiles = co_await api.store.find_many(ids);
  boost::json::array items;
  for (const auto& user : found.users) {
    const auto match =
        std::find_if(profiles.begin(), profiles.end(), [&](const auto& p) { return p.user_id == user.id; });
    items.push_back(user_json(user, match == profiles.end() ? std::nullopt : std::optional(*match)));
  }
  co_return http::json_response(
      200, boost::json::object{{"items", std::move(items)}, {"total", found.total}, {"page", page}, {"size", size}});
}

Awaitable<Response> get_user(AccountApi& api, Request& request) {
  http::require_role(request, "admin");
  co_return co_await user_response(api, user_id_param(request));
}

Awaitable<Response> set_enabled(AccountApi& api, Request& request) {
  const auto& admin = http::require_role(request, "admin");
  const auto& id = user_id_param(request);
  const boost::json::value body = json::parse_body(request.body);
  const json::ObjectReader in(body);
  in.reject_unknown({"enabled"});
  const bool enabled = in.boolean("enabled");
  if (!enabled && id == admin.subject) throw Problem::conflict("you cannot disable your own account");
  co_await existing_user(api, id);
  co_await api.keycloak.set_enabled(id, enabled);
  log::info(enabled ? "user enabled" : "user disabled", {{"user_id", id}, {"by", admin.subject}});
  co_return co_await user_response(api, id);
}

Awaitable<Response> set_admin(AccountApi& api, Request& request, bool granted) {
  const auto& admin = http::require_role(request, "admin");
  const auto& id = user_id_param(request);
  if (!granted && id == admin.subject) throw Problem::conflict("you cannot revoke your own admin role");
  co_await existing_user(api, id);
  co_await api.keycloak.set_realm_role(id, "admin", granted);
  log::info(granted ? "admin role granted" : "admin role revoked", {{"user_id", id}, {"by", admin.subject}});
  co_return co_await user_response(api, id);
}

Awaitable<Response> password_reset(AccountApi& api, Request& request) {
  const auto& admin = http::require_role(request, "admin");
  const auto& id = user_id_param(request);
  const auto user = co_await existing_user(api, id);
  if (user.email.empty()) throw Problem::conflict("this user has no e-mail address to send a reset link to");
  co_await api.keycloak.send_password_reset(id);
  log::info("password reset e-mail sent", {{"user_id", id}, {"by", admin.subject}});
  co_return http::json_response(202, boost::json::object{{"sent_to", user.email}});
}

}  // namespace

void add_admin_routes(http::Router& router, AccountApi& api) {
  using http::Method;
  router.add(Method::get, "/api/account/admin/users", [&api](Request& r) { return list_users(api, r); });
  router.add(Method::get, "/api/account/admin/users/{id}", [&api](Request& r) { return get_user(api, r); });
  router.add(Method::put, "/api/account/admin/users/{id}/enabled", [&api](Request& r) { return set_enabled(api, r); });
  router.add(Method::put, "/api/account/admin/users/{id}/roles/admin",
             [&api](Request& r) { return set_admin(api, r, true); });
  router.add(Method::delete_, "/api/account/admin/users/{id}/roles/admin",
             [&api](Request& r) { return set_admin(api, r, false); });
  router.add(Method::post, "/api/account/admin/users/{id}/password-reset",
             [&api](Request& r) { return password_reset(api, r); });
}

}  // namespace dt::account::api
