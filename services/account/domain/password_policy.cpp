#include "account/domain/password_policy.hpp"

#include <algorithm>
#include <array>

#include "account/domain/text.hpp"

namespace dt::account::domain {
namespace {

// Frequent passwords of 10 characters or more (from public breach-frequency lists), lower case.
constexpr std::array<std::string_view, 24> kCommon = {
    "1234567890", "0123456789", "password1",   "password12",   "password123", "password1234",
    "qwerty1234", "qwertyuiop", "qwerty12345", "qwerty123456", "1q2w3e4r5t",  "1qaz2wsx3edc",
    "abc1234567", "abcd123456", "iloveyou12",  "11111111111",  "1111111111",  "9876543210",
    "123456789a", "a123456789", "matkhau123",  "matkhau1234",  "admin12345",  "welcome123"};

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_letter(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80; }

}  // namespace

std::optional<std::string> password_problem(std::string_view password, std::string_view username,
                                            std::string_view email) {
  const auto length = utf8_length(password);
  if (!length) return "must be valid UTF-8 text";
  if (*length < kMinPasswordLength) return "must be at least 10 characters long";
  if (password.size() > kMaxPasswordLength) return "must be at most 128 characters long";
  if (has_control_char(password)) return "must not contain control characters";
  if (!std::any_of(password.begin(), password.end(), is_digit)) return "must contain at least one digit";
  if (!std::any_of(password.begin(), password.end(), [](char c) { return is_letter(static_cast<unsigned char>(c)); })) {
    return "must contain at least one letter";
  }
  if (std::all_of(password.begin(), password.end(), [&](char c) { return c == password.front(); })) {
    return "must not be one character repeated";
  }
  if (username.size() >= 3 && contains_ignoring_case(password, username)) return "must not contain the username";
  const auto at = email.find('@');
  const auto local = email.substr(0, at);
  if (!email.empty() &&
      (contains_ignoring_case(password, email) || (local.size() >= 4 && contains_ignoring_case(password, local)))) {
    return "must not contain the e-mail address";
  }
  const std::string lower = ascii_lower(password);
  if (std::find(kCommon.begin(), kCommon.end(), lower) != kCommon.end()) {
    return "is one of the most common passwords; choose another";
  }
  if (!std::any_of(password.begin(), password.end(), [](char c) { return c >= 'A' && c <= 'Z'; })) {
    return "must contain at least one upper-case letter (A-Z)";
  }
  return std::nullopt;
}

}  // namespace dt::account::domain
