#pragma once
// What a new learner sends to register, and the rules it must meet. Usernames and e-mail addresses are
// compared case-insensitively (Keycloak stores them in lower case), so they are normalized first.
#include <optional>
#include <string>
#include <string_view>

#include "account/domain/field_error.hpp"
#include "account/domain/profile.hpp"

namespace dt::account::domain {

struct Registration {
  std::string username;
  std::string email;
  std::string password;
  std::string display_name;  // defaults to the username when empty
  Language language = Language::vi;
};

// Lower-cased, trimmed.
std::string normalize_username(std::string_view username);
std::string normalize_email(std::string_view email);

// 3-32 characters: a-z, 0-9, '.', '_', '-', starting with a letter or digit.
std::optional<std::string> username_problem(std::string_view username);
// One '@', a non-empty local part, a domain with a dot, no spaces, at most 254 characters.
std::optional<std::string> email_problem(std::string_view email);

// Every problem of an already normalized registration (empty: valid).
FieldErrors validate_registration(const Registration& registration);

}  // namespace dt::account::domain
