#include "account/api/error_mapping.hpp"

#include "account/keycloak/keycloak_errors.hpp"
#include "account/store/profile_store.hpp"
#include "db/error.hpp"
#include "errors/problem.hpp"
#include "log/log.hpp"

namespace dt::account::api {
namespace {

Problem taken(const std::string& field) {
  auto problem = Problem::conflict(field == "email" ? "an account with this e-mail address already exists"
                                                    : "this username is already taken");
  problem.with("field", field);
  return problem;
}

}  // namespace

Awaitable<http::Response> ErrorMapping::handle(http::Request& request, http::Next next) {
  try {
    co_return co_await next(request);
  } catch (const store::Taken& e) {
    throw taken(e.field());
  } catch (const keycloak::UserExists& e) {
    throw taken(e.field());
  } catch (const keycloak::PasswordRejected& e) {
    throw Problem::invalid_field("password", std::string("was refused by the password policy: ") + e.what());
  } catch (const keycloak::KeycloakUnavailable& e) {
    log::error("Keycloak unavailable", {{"request_id", request.request_id}, {"error", e.what()}});
    throw Problem::unavailable("the identity service is unavailable; nothing was changed, retry shortly");
  } catch (const db::Unavailable& e) {
    log::error("database unavailable", {{"request_id", request.request_id}, {"error", e.what()}});
    throw Problem::unavailable("the account database is unavailable; retry shortly");
  }
}

}  // namespace dt::account::api
