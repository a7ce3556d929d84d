#include "account/domain/registration.hpp"

#include <algorithm>

#include "account/domain/password_policy.hpp"
#include "account/domain/text.hpp"

namespace dt::account::domain {
namespace {

bool username_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
}

bool domain_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-';
}

}  // namespace

std::string normalize_username(std::string_view username) { return ascii_lower(trim(username)); }

std::string normalize_email(std::string_view email) { return ascii_lower(trim(email)); }

std::optional<std::string> username_problem(std::string_view username) {
  if (username.size() < 3) return "must be at least 3 characters long";
  if (username.size() > 32) return "must be at most 32 characters long";
  if (!std::all_of(username.begin(), username.end(), username_char)) {
    return "may contain only letters a-z, digits, '.', '_' and '-'";
  }
  if (!username_char(username.front()) || username.front() == '.' || username.front() == '_' ||
      username.front() == '-') {
    return "must start with a letter or a digit";
  }
  return std::nullopt;
}

std::optional<std::string> email_problem(std::string_view email) {
  if (email.empty()) return "must not be empty";
  if (email.size() > 254) return "must be at most 254 characters long";
  const auto at = email.find('@');
  if (at == std::string_view::npos || email.find('@', at + 1) != std::string_view::npos) {
    return "must be an e-mail address such as name@example.com";
  }
  const auto local = email.substr(0, at);
  const auto domain = email.substr(at + 1);
  const bool local_ok = !local.empty() && local.size() <= 64 && !has_control_char(local) &&
                        local.find(' ') == std::string_view::npos && local.find('"') == std::string_view::npos;
  const bool domain_ok = domain.size() >= 3 && std::all_of(domain.begin(), domain.end(), domain_char) &&
                         domain.find('.') != std::string_view::npos && domain.front() != '.' && domain.back() != '.' &&
                         domain.find("..") == std::string_view::npos;
  if (!local_ok || !domain_ok) return "must be an e-mail address such as name@example.com";
  return std::nullopt;
}

FieldErrors validate_registration(const Registration& registration) {
  FieldErrors errors;
  if (auto problem = username_problem(registration.username)) errors.push_back({"username", *problem});
  if (auto problem = email_problem(registration.email)) errors.push_back({"email", *problem});
  if (auto problem = password_problem(registration.password, registration.username, registration.email)) {
    errors.push_back({"password", *problem});
  }
  if (!registration.display_name.empty()) {
    if (auto problem = display_name_problem(registration.display_name)) errors.push_back({"display_name", *problem});
  }
  return errors;
}

}  // namespace dt::account::domain
