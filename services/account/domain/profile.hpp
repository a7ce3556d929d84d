#pragma once
// A learner's profile as the Account service keeps it (the identity itself, password and roles, lives in
// Keycloak): display name, preferred language, target licence class and e-mail opt-ins.
#include <optional>
#include <string>
#include <string_view>

#include "account/domain/field_error.hpp"

namespace dt::account::domain {

enum class Language { vi, en };

std::optional<Language> parse_language(std::string_view code);  // "vi" or "en"
std::string_view language_code(Language language);

struct EmailOptIns {
  bool exam_results = false;  // a summary after each exam
  bool product_news = false;
};

struct Profile {
  std::string user_id;  // Keycloak's user id (the token's "sub")
  std::string username;
  std::string email;
  std::string display_name;
  Language language = Language::vi;
  std::string target_class;  // "<jurisdiction>/<licence class>", e.g. "vn/B"; empty: not chosen
  EmailOptIns opt_ins;
};

// 1-80 characters after trimming, valid UTF-8, no control characters.
std::optional<std::string> display_name_problem(std::string_view display_name);
// Empty, or a jurisdiction code (2-8 lower-case letters), '/', a licence class (1-8 upper-case letters/digits).
std::optional<std::string> target_class_problem(std::string_view target_class);

}  // namespace dt::account::domain
