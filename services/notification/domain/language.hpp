#pragma once
// The language of an e-mail. Templates exist in Vietnamese and English; a user who chose Vietnamese gets
// Vietnamese, anyone else (English or a language without templates yet) gets English.
#include <string_view>

namespace dt::notification::domain {

enum class Language { vi, en };

inline constexpr Language kAllLanguages[] = {Language::vi, Language::en};

// "vi", "VI", "vi-VN", "vi_VN" -> vi; anything else, empty included -> en.
Language mail_language(std::string_view code);
std::string_view language_code(Language language);

}  // namespace dt::notification::domain
