#pragma once
// What can go wrong when the Account service asks Keycloak for something. The API layer maps them:
// KeycloakUnavailable -> 503, UserExists -> 409 naming the field, PasswordRejected -> 400 on "password".
#include <stdexcept>
#include <string>

namespace dt::account::keycloak {

// Keycloak did not answer, answered 5xx, or refused our service account (a setup problem, not the user's).
class KeycloakUnavailable : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class UserExists : public std::runtime_error {
 public:
  explicit UserExists(std::string field)
      : std::runtime_error("user exists with the same " + field), field_(std::move(field)) {}
  const std::string& field() const { return field_; }  // "username" or "email"

 private:
  std::string field_;
};

// Keycloak's password policy refused the password; what() is Keycloak's message.
class PasswordRejected : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace dt::account::keycloak
