// The signed-in user's own account:
//   GET /api/account/me -> the profile and the token's roles. The first call of a user Keycloak knows but this
//     service does not (demo users, users made in Keycloak's console) creates the profile, taking over the name
//     from a stale profile whose user Keycloak no longer has. Each call notes the
//     address it came from; a new address, for a user seen elsewhere before, records user.signed_in_new_ip.
//   PUT /api/account/me {"display_name"?, "language"?, "target_class"?, "email_opt_ins"?: {"exam_results"?,
//     "product_news"?}} -> the updated profile; absent fields are left as they are.
//   PUT /api/account/me/password {"current_password", "new_password"} -> 204; records user.password_changed.
#include <boost/json/array.hpp>
#include <boost/json/value.hpp>

#include <optional>
#include <string>
#include <vector>

#include "account/api/account_events.hpp"
#include "account/api/client_ip.hpp"
#include "account/api/profile_json.hpp"
#include "account/api/routes.hpp"
#include "account/domain/password_policy.hpp"
#include "account/domain/registration.hpp"
#include "account/domain/text.hpp"
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

// The caller's profile, adopted on first sight. A name or e-mail held by a profile whose user Keycloak no longer
// has (the user was deleted there, or Keycloak's data was reset and the user made again with a new id) is freed
// for the caller; one held by a user Keycloak still has stays a 409.
Awaitable<domain::Profile> own_profile(AccountApi& api, const http::Principal& user) {
  const std::string username = domain::normalize_username(user.username);
  const std::string email = domain::ascii_lower(user.email);
  std::optional<std::string> taken;
  try {
    co_return co_await api.store.find_or_adopt(user.subject, username, email);
  } catch (const store::Taken& e) {
    taken = e.field();
  }
  const std::vector<std::string> holders = co_await api.store.holders_of(user.subject, username, email);
  for (const auto& holder : holders) {
    if (co_await api.keycloak.get_user(holder)) throw store::Taken(*taken);
    log::warn("profile of a user Keycloak no longer has removed",
              {{"user_id", holder}, {"adopted_by", user.subject}, {"username", username}});
    co_await api.store.remove_orphan(holder);
  }
  co_return co_await api.store.find_or_adopt(user.subject, username, email);
}

boost::json::object with_roles(const domain::Profile& profile, const http::Principal& user) {
  auto out = profile_json(profile);
  boost::json::array roles;
  for (const auto& role : user.roles) roles.emplace_back(role);
  out["roles"] = std::move(roles);
  return out;
}

Awaitable<Response> get_me(AccountApi& api, Request& request) {
  const auto& user = http::require_signed_in(request);
  const auto profile = co_await own_profile(api, user);
  const auto ip = client_ip(request, api.trusted_proxies);
  auto event = signed_in_new_ip(profile, ip, request.header("User-Agent"), trace_id_of(request));
  if (co_await api.store.record_sign_in(profile.user_id, ip, std::move(event))) {
    log::info("sign-in from a new address", {{"user_id", profile.user_id}, {"ip", ip}});
  }
  co_return http::json_response(200, with_roles(profile, user));
}

store::ProfileChange read_change(const json::ObjectReader& in) {
  in.reject_unknown({"display_name", "language", "target_class", "email_opt_ins"});
  store::ProfileChange change;
  domain::FieldErrors errors;
  if (auto name = in.optional_string("display_name", {.max_length = 1000})) {
    if (auto problem = domain::display_name_problem(*name)) errors.push_back({"display_name", *problem});
    change.display_name = std::string(domain::trim(*name));
  }
  if (auto code = in.optional_string("language", {.max_length = 10})) {
    change.language = domain::parse_language(*code);
    if (!change.language) errors.push_back({"language", "must be \"vi\" or \"en\""});
  }
  if (auto target = in.optional_string("target_class", {.max_length = 100})) {
    if (auto problem = domain::target_class_problem(*target)) errors.push_back({"target_class", *problem});
    change.target_class = std::move(*target);
  }
  if (in.has("email_opt_ins")) {
    const auto opt_ins = in.object("email_opt_ins");
    opt_ins.reject_unknown({"exam_results", "product_news"});
    change.opt_in_exam_results = opt_ins.optional_boolean("exam_results");
    change.opt_in_product_news = opt_ins.optional_boolean("product_news");
  }
  if (!errors.empty()) throw_field_errors(errors);
  return change;
}

Awaitable<Response> put_me(AccountApi& api, Request& request) {
  const auto& user = http::require_signed_in(request);
  const boost::json::value body = json::parse_body(request.body);
  auto change = read_change(json::ObjectReader(body));
  co_await own_profile(api, user);
  store::ProfileStore::EventOf event_of = [trace = trace_id_of(request)](const domain::Profile& profile) {
    return profile_updated(profile, trace);
  };
  const auto updated = co_await api.store.update(user.subject, std::move(change), std::move(event_of));
  if (!updated) throw Problem::not_found("this account has no profile");
  co_return http::json_response(200, with_roles(*updated, user));
}

Awaitable<Response> change_password(AccountApi& api, Request& request) {
  const auto& user = http::require_signed_in(request);
  const boost::json::value body = json::parse_body(request.body);
  const json::ObjectReader in(body);
  in.reject_unknown({"current_password", "new_password"});
  auto current = in.string("current_password", {.max_length = 1000});
  auto next = in.string("new_password", {.max_length = 1000});
  const auto profile = co_await own_profile(api, user);
  if (auto problem = domain::password_problem(next, profile.username, profile.email)) {
    throw Problem::invalid_field("new_password", *problem);
  }
  if (next == current) throw Problem::invalid_field("new_password", "must differ from the current password");
  switch (co_await api.keycloak.check_password(profile.username, std::move(current))) {
    case keycloak::PasswordCheck::correct:
      break;
    case keycloak::PasswordCheck::wrong:
      throw Problem::invalid_field("current_password", "is not your current password");
    case keycloak::PasswordCheck::locked:
      throw Problem::forbidden("this account is disabled or temporarily locked after too many failed attempts");
  }
  co_await api.keycloak.set_password(profile.user_id, std::move(next));
  auto event = password_changed(profile, trace_id_of(request));
  co_await api.store.record_event(std::move(event));
  log::info("password changed", {{"user_id", profile.user_id}});
  co_return Response::no_content();
}

}  // namespace

void add_me_routes(http::Router& router, AccountApi& api) {
  router.add(http::Method::get, "/api/account/me", [&api](Request& r) { return get_me(api, r); });
  router.add(http::Method::put, "/api/account/me", [&api](Request& r) { return put_me(api, r); });
  router.add(http::Method::put, "/api/account/me/password", [&api](Request& r) { return change_password(api, r); });
}

}  // namespace dt::account::api
