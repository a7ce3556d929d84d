#include "notification/domain/language.hpp"

#include <cctype>

namespace dt::notification::domain {

Language mail_language(std::string_view code) {
  const bool vietnamese = code.size() >= 2 && std::tolower(static_cast<unsigned char>(code[0])) == 'v' &&
                          std::tolower(static_cast<unsigned char>(code[1])) == 'i' &&
                          (code.size() == 2 || code[2] == '-' || code[2] == '_');
  return vietnamese ? Language::vi : Language::en;
}

std::string_view language_code(Language language) { return language == Language::vi ? "vi" : "en"; }

}  // namespace dt::notification::domain
