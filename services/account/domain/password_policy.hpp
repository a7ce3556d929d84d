#pragma once
// The password rules, checked here first so that the user gets one clear message naming the rule. Keycloak's
// realm policy (infra/keycloak/drivetest-realm.json) enforces the same minimum again: this must be at least
// as strict as that, never looser.
#include <optional>
#include <string>
#include <string_view>

namespace dt::account::domain {

inline constexpr std::size_t kMinPasswordLength = 10;
inline constexpr std::size_t kMaxPasswordLength = 128;

// nullopt when the password is acceptable; otherwise the rule it breaks, as a sentence for the user:
// 10-128 characters, at least one letter, one digit and one upper-case A-Z, not the username or the e-mail address (nor
// containing them), not one of the most common passwords, not a single repeated character.
std::optional<std::string> password_problem(std::string_view password, std::string_view username,
                                            std::string_view email);

}  // namespace dt::account::domain
