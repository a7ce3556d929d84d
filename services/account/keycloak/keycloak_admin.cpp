#include "account/keycloak/keycloak_admin.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>
#include <boost/url/encode.hpp>
#include <boost/url/rfc/unreserved_chars.hpp>

#include <mutex>

namespace dt::account::keycloak {
namespace {

using Clock = std::chrono::steady_clock;
namespace json = boost::json;

std::string encoded(std::string_view value) { return boost::urls::encode(value, boost::urls::unreserved_chars); }

std::string form(std::initializer_list<std::pair<std::string_view, std::string_view>> fields) {
  std::string body;
  for (const auto& [name, value] : fields) {
    if (!body.empty()) body += '&';
    body.append(name).append("=").append(encoded(value));
  }
  return body;
}

json::value parse_or_null(const std::string& body) {
  boost::system::error_code ec;
  json::value value = json::parse(body, ec);
  return ec ? json::value() : value;
}

std::string string_member(const json::value& value, std::string_view name) {
  if (!value.is_object()) return {};
  const auto* member = value.as_object().if_contains(name);
  return member && member->is_string() ? std::string(member->as_string()) : std::string();
}

// Keycloak's own message: errorMessage (admin API) or error_description (token endpoint).
std::string keycloak_message(const std::string& body) {
  const json::value value = parse_or_null(body);
  auto message = string_member(value, "errorMessage");
  if (message.empty()) message = string_member(value, "error_description");
  if (message.empty()) message = string_member(value, "error");
  return message;
}

KeycloakUser user_of(const json::value& value) {
  KeycloakUser user;
  const auto& object = value.as_object();
  user.id = string_member(value, "id");
  user.username = string_member(value, "username");
  user.email = string_member(value, "email");
  if (const auto* enabled = object.if_contains("enabled"); enabled && enabled->is_bool())
    user.enabled = enabled->as_bool();
  if (const auto* verified = object.if_contains("emailVerified"); verified && verified->is_bool()) {
    user.email_verified = verified->as_bool();
  }
  if (const auto* created = object.if_contains("createdTimestamp"); created && created->is_int64()) {
    user.created_ms = created->as_int64();
  }
  return user;
}

[[noreturn]] void unavailable(std::string_view what, const http::ClientResponse& response) {
  throw KeycloakUnavailable("Keycloak answered " + std::to_string(response.status) + " to " + std::string(what) +
                            (response.body.empty() ? "" : ": " + keycloak_message(response.body)));
}

}  // namespace

struct KeycloakAdmin::Impl {
  http::HttpClient& client;
  KeycloakOptions options;
  std::mutex mutex;
  std::string token;
  Clock::time_point token_expires{};

  std::string token_url() const {
    return options.base_url + "/realms/" + options.realm + "/protocol/openid-connect/token";
  }
  std::string admin_url(std::string_view path) const {
    return options.base_url + "/admin/realms/" + options.realm + std::string(path);
  }

  Awaitable<http::ClientResponse> send(std::string url, std::string method, std::string content_type, std::string body,
                                       std::string bearer) {
    http::ClientRequest request;
    request.method = std::move(method);
    request.timeout = options.timeout;
    if (!content_type.empty()) request.headers.set("Content-Type", std::move(content_type));
    if (!bearer.empty()) request.headers.set("Authorization", "Bearer " + bearer);
    request.headers.set("Accept", "application/json");
    request.body = std::move(body);
    try {
      co_return co_await client.send(url, std::move(request));
    } catch (const http::ClientError& error) {
      throw KeycloakUnavailable(std::string("cannot reach Keycloak: ") + error.what());
    }
  }

  Awaitable<std::string> service_token(bool renew) {
    {
      std::lock_guard lock(mutex);
      if (!renew && !token.empty() && Clock::now() < token_expires) co_return token;
    }
    // Built outside the co_await expression: GCC 12 miscompiles braced lists inside one.
    std::string body = form({{"grant_type", "client_credentials"},
                             {"client_id", options.client_id},
                             {"client_secret", options.client_secret}});
    const auto response = co_await send(token_url(), "POST", "application/x-www-form-urlencoded", std::move(body), "");
    if (response.status != 200) unavailable("the service account's token request", response);
    const json::value value = parse_or_null(response.body);
    auto access_token = string_member(value, "access_token");
    if (access_token.empty()) throw KeycloakUnavailable("Keycloak's token response has no access_token");
    std::int64_t lifetime = 60;
    if (const auto* expires = value.as_object().if_contains("expires_in"); expires && expires->is_int64()) {
      lifetime = expires->as_int64();
    }
    std::lock_guard lock(mutex);
    token = access_token;
    token_expires = Clock::now() + std::chrono::seconds(std::max<std::int64_t>(lifetime - 30, 5));
    co_return access_token;
  }

  // An admin API call with the service account's token; an expired or revoked token is renewed once.
  Awaitable<http::ClientResponse> admin(std::string method, std::string path, std::string json_body) {
    const std::string url = admin_url(path);
    const std::string content_type = json_body.empty() ? "" : "application/json";
    std::string bearer = co_await service_token(false);
    auto response = co_await send(url, method, content_type, json_body, bearer);
    if (response.status == 401) {
      bearer = co_await service_token(true);
      response = co_await send(url, method, content_type, json_body, bearer);
    }
    if (response.status >= 500 || response.status == 401 || response.status == 403) {
      unavailable(method + " " + path, response);
    }
    co_return response;
  }

  // The realm role `role` as Keycloak represents it, found among the roles the user can be given (grant) or
  // has (revoke): reading a role by name needs view-realm, which the service account does not hold.
  // nullopt when there is nothing to do (already granted, or not held).
  Awaitable<std::optional<std::string>> role_mapping(const std::string& id, const std::string& role, bool granted) {
    const std::string path =
        "/users/" + encoded(id) + (granted ? "/role-mappings/realm/available" : "/role-mappings/realm");
    const auto response = co_await admin("GET", path, "");
    if (response.status != 200) unavailable("reading a user's role mappings", response);
    const json::value roles = parse_or_null(response.body);
    if (roles.is_array()) {
      for (const auto& item : roles.as_array()) {
        if (string_member(item, "name") == role) co_return "[" + json::serialize(item) + "]";
      }
    }
    co_return std::nullopt;
  }
};

KeycloakAdmin::KeycloakAdmin(http::HttpClient& client, KeycloakOptions options)
    : impl_(std::make_unique<Impl>(client, std::move(options))) {}

KeycloakAdmin::~KeycloakAdmin() = default;

Awaitable<std::string> KeycloakAdmin::create_user(NewUser user) {
  json::object body{
      {"username", user.username},
      {"email", user.email},
      {"enabled", true},
      {"emailVerified", false},
      {"attributes", json::object{{"locale", json::array{json::string(user.locale)}}}},
      {"credentials", json::array{json::object{{"type", "password"}, {"value", user.password}, {"temporary", false}}}}};
  const std::string text = json::serialize(body);
  const auto response = co_await impl_->admin("POST", "/users", text);
  if (response.status == 409) {
    const auto message = keycloak_message(response.body);
    throw UserExists(message.find("email") != std::string::npos ? "email" : "username");
  }
  if (response.status == 400) throw PasswordRejected(keycloak_message(response.body));
  if (response.status != 201) unavailable("creating a user", response);
  const auto location = response.headers.get("Location");
  const auto slash = location.rfind('/');
  if (slash == std::string_view::npos || slash + 1 == location.size()) {
    throw KeycloakUnavailable("Keycloak created a user but sent no Location with its id");
  }
  co_return std::string(location.substr(slash + 1));
}

Awaitable<void> KeycloakAdmin::delete_user(std::string id) {
  const std::string path = "/users/" + encoded(id);
  const auto response = co_await impl_->admin("DELETE", path, "");
  if (response.status != 204 && response.status != 404) unavailable("deleting a user", response);
}

Awaitable<std::optional<KeycloakUser>> KeycloakAdmin::get_user(std::string id) {
  const std::string path = "/users/" + encoded(id);
  const auto response = co_await impl_->admin("GET", path, "");
  if (response.status == 404) co_return std::nullopt;
  if (response.status != 200) unavailable("reading a user", response);
  const json::value value = parse_or_null(response.body);
  if (!value.is_object()) throw KeycloakUnavailable("Keycloak sent a user that is not a JSON object");
  co_return user_of(value);
}

Awaitable<std::optional<KeycloakUser>> KeycloakAdmin::find_by_username(std::string username) {
  const std::string path = "/users?exact=true&username=" + encoded(username);
  const auto response = co_await impl_->admin("GET", path, "");
  if (response.status != 200) unavailable("looking up a username", response);
  const json::value value = parse_or_null(response.body);
  if (!value.is_array()) throw KeycloakUnavailable("Keycloak's user search did not return a list");
  for (const auto& item : value.as_array()) {
    if (item.is_object() && string_member(item, "username") == username) co_return user_of(item);
  }
  co_return std::nullopt;
}

Awaitable<UserPage> KeycloakAdmin::search(std::string search, int first, int max) {
  const std::string query = search.empty() ? "" : "search=" + encoded(search) + "&";
  const std::string list_path =
      "/users?" + query + "briefRepresentation=true&first=" + std::to_string(first) + "&max=" + std::to_string(max);
  const auto list = co_await impl_->admin("GET", list_path, "");
  if (list.status != 200) unavailable("listing users", list);
  const std::string count_path = search.empty() ? "/users/count" : "/users/count?search=" + encoded(search);
  const auto count = co_await impl_->admin("GET", count_path, "");
  if (count.status != 200) unavailable("counting users", count);
  UserPage page;
  const json::value users = parse_or_null(list.body);
  if (!users.is_array()) throw KeycloakUnavailable("Keycloak's user list is not a list");
  for (const auto& item : users.as_array()) {
    if (item.is_object()) page.users.push_back(user_of(item));
  }
  const json::value total = parse_or_null(count.body);
  page.total = total.is_int64() ? total.as_int64() : static_cast<std::int64_t>(page.users.size());
  co_return page;
}

Awaitable<void> KeycloakAdmin::set_enabled(std::string id, bool enabled) {
  const json::object body{{"enabled", enabled}};
  const std::string path = "/users/" + encoded(id);
  const std::string text = json::serialize(body);
  const auto response = co_await impl_->admin("PUT", path, text);
  if (response.status != 204) unavailable("enabling or disabling a user", response);
}

Awaitable<std::vector<std::string>> KeycloakAdmin::realm_roles(std::string id) {
  const std::string path = "/users/" + encoded(id) + "/role-mappings/realm/composite";
  const auto response = co_await impl_->admin("GET", path, "");
  if (response.status != 200) unavailable("reading a user's roles", response);
  std::vector<std::string> roles;
  const json::value value = parse_or_null(response.body);
  if (value.is_array()) {
    for (const auto& item : value.as_array()) {
      if (auto name = string_member(item, "name"); !name.empty()) roles.push_back(std::move(name));
    }
  }
  co_return roles;
}

Awaitable<void> KeycloakAdmin::set_realm_role(std::string id, std::string role, bool granted) {
  const auto roles = co_await impl_->role_mapping(id, role, granted);
  if (!roles) co_return;
  const std::string path = "/users/" + encoded(id) + "/role-mappings/realm";
  const std::string method = granted ? "POST" : "DELETE";
  const auto response = co_await impl_->admin(method, path, *roles);
  if (response.status != 204) unavailable("changing a user's roles", response);
}

Awaitable<void> KeycloakAdmin::send_password_reset(std::string id) {
  const auto response = co_await impl_->admin("PUT", "/users/" + encoded(id) + "/execute-actions-email?lifespan=43200",
                                              "[\"UPDATE_PASSWORD\"]");
  if (response.status != 204) unavailable("sending a password reset e-mail", response);
}

Awaitable<void> KeycloakAdmin::set_password(std::string id, std::string password) {
  const json::object body{{"type", "password"}, {"value", password}, {"temporary", false}};
  const std::string path = "/users/" + encoded(id) + "/reset-password";
  const std::string text = json::serialize(body);
  const auto response = co_await impl_->admin("PUT", path, text);
  if (response.status == 400) throw PasswordRejected(keycloak_message(response.body));
  if (response.status != 204) unavailable("setting a password", response);
}

Awaitable<PasswordCheck> KeycloakAdmin::check_password(std::string username, std::string password) {
  std::string body = form({{"grant_type", "password"},
                           {"client_id", impl_->options.client_id},
                           {"client_secret", impl_->options.client_secret},
                           {"username", username},
                           {"password", password}});
  const auto response =
      co_await impl_->send(impl_->token_url(), "POST", "application/x-www-form-urlencoded", std::move(body), "");
  if (response.status == 200) co_return PasswordCheck::correct;
  // Keycloak 26.7 answers 400 invalid_grant (26.5: 401) to a wrong password, and 400 invalid_grant with a
  // description saying "disabled" for a disabled user or one locked out by brute-force detection.
  const json::value error = parse_or_null(response.body);
  if ((response.status == 400 || response.status == 401) && string_member(error, "error") == "invalid_grant") {
    const bool disabled = string_member(error, "error_description").find("disabled") != std::string::npos;
    co_return disabled ? PasswordCheck::locked : PasswordCheck::wrong;
  }
  unavailable("checking a password", response);
}

Awaitable<bool> KeycloakAdmin::ping() {
  try {
    co_await impl_->service_token(false);
    co_return true;
  } catch (const KeycloakUnavailable&) {
    co_return false;
  }
}

}  // namespace dt::account::keycloak
