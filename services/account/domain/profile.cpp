#include "account/domain/profile.hpp"

#include <algorithm>

#include "account/domain/text.hpp"

namespace dt::account::domain {

std::optional<Language> parse_language(std::string_view code) {
  if (code == "vi") return Language::vi;
  if (code == "en") return Language::en;
  return std::nullopt;
}

std::string_view language_code(Language language) { return language == Language::en ? "en" : "vi"; }

std::optional<std::string> display_name_problem(std::string_view display_name) {
  const auto trimmed = trim(display_name);
  const auto length = utf8_length(trimmed);
  if (!length) return "must be valid UTF-8 text";
  if (*length == 0) return "must not be empty";
  if (*length > 80) return "must be at most 80 characters long";
  if (has_control_char(trimmed)) return "must not contain control characters";
  return std::nullopt;
}

std::optional<std::string> target_class_problem(std::string_view target_class) {
  if (target_class.empty()) return std::nullopt;
  const auto slash = target_class.find('/');
  static constexpr std::string_view kShape = "must look like \"vn/B\": a jurisdiction code, '/', a licence class";
  if (slash == std::string_view::npos) return std::string(kShape);
  const auto jurisdiction = target_class.substr(0, slash);
  const auto licence_class = target_class.substr(slash + 1);
  const bool jurisdiction_ok =
      jurisdiction.size() >= 2 && jurisdiction.size() <= 8 &&
      std::all_of(jurisdiction.begin(), jurisdiction.end(), [](char c) { return c >= 'a' && c <= 'z'; });
  const bool class_ok = !licence_class.empty() && licence_class.size() <= 8 &&
                        std::all_of(licence_class.begin(), licence_class.end(),
                                    [](char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); });
  if (!jurisdiction_ok || !class_ok) return std::string(kShape);
  return std::nullopt;
}

}  // namespace dt::account::domain
