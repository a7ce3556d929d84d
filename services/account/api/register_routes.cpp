// POST /api/account/register {"username", "email", "password", "display_name"?, "language"?: "vi"|"en"}
// -> 201 with the profile. 400 names the bad field, 409 says whether the username or the e-mail is taken,
// 503 when Keycloak or the database is unreachable (nothing is left half-created: see registration.hpp).
#include <boost/json/value.hpp>

#include "account/api/account_events.hpp"
#include "account/api/profile_json.hpp"
#include "account/api/registration.hpp"
#include "account/api/routes.hpp"
#include "account/domain/registration.hpp"
#include "account/domain/text.hpp"
#include "errors/problem.hpp"
#include "http/json_response.hpp"
#include "json/body.hpp"
#include "json/object_reader.hpp"

namespace dt::account::api {
namespace {

using http::Request;
using http::Response;

domain::Language language_field(const json::ObjectReader& in) {
  const auto code = in.optional_string("language", {.max_length = 10});
  if (!code) return domain::Language::vi;
  const auto language = domain::parse_language(*code);
  if (!language) throw Problem::invalid_field("language", "must be \"vi\" or \"en\"");
  return *language;
}

Awaitable<Response> register_user(AccountApi& api, Request& request) {
  const boost::json::value body = json::parse_body(request.body);
  const json::ObjectReader in(body);
  in.reject_unknown({"username", "email", "password", "display_name", "language"});
  domain::Registration registration;
  registration.username = domain::normalize_username(in.string("username", {.max_length = 200}));
  registration.email = domain::normalize_email(in.string("email", {.max_length = 400}));
  registration.password = in.string("password", {.max_length = 1000});
  registration.display_name =
      std::string(domain::trim(in.optional_string("display_name", {.max_length = 1000}).value_or("")));
  registration.language = language_field(in);
  if (const auto errors = domain::validate_registration(registration); !errors.empty()) throw_field_errors(errors);

  domain::Profile profile;
  profile.username = registration.username;
  profile.email = registration.email;
  profile.display_name = registration.display_name.empty() ? registration.username : registration.display_name;
  profile.language = registration.language;
  const auto created =
      co_await register_account(api, std::move(profile), std::move(registration.password), trace_id_of(request));
  auto response = http::json_response(201, profile_json(created));
  response.headers.set("Location", "/api/account/me");
  co_return response;
}

}  // namespace

void throw_field_errors(const domain::FieldErrors& errors) {
  std::string all;
  for (const auto& error : errors) {
    if (!all.empty()) all += "; ";
    all += error.field + ": " + error.message;
  }
  auto problem = Problem::invalid_field(errors.front().field, errors.front().message);
  if (errors.size() > 1) problem.with("errors", all);
  throw problem;
}

void add_register_routes(http::Router& router, AccountApi& api) {
  router.add(http::Method::post, "/api/account/register", [&api](Request& r) { return register_user(api, r); });
}

}  // namespace dt::account::api
