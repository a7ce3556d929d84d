#include "catalog/domain/localized_text.hpp"

#include <utility>

namespace dt::catalog {

namespace {

bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
bool is_alnum(char c) { return is_lower(c) || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

}  // namespace

bool is_valid_language_code(std::string_view code) {
  const auto dash = code.find('-');
  const std::string_view language = code.substr(0, dash);
  if (language.size() < 2 || language.size() > 3) return false;
  for (char c : language) {
    if (!is_lower(c)) return false;
  }
  if (dash == std::string_view::npos) return true;
  std::string_view rest = code.substr(dash + 1);
  while (true) {
    const auto next = rest.find('-');
    const std::string_view subtag = rest.substr(0, next);
    if (subtag.size() < 2 || subtag.size() > 8) return false;
    for (char c : subtag) {
      if (!is_alnum(c)) return false;
    }
    if (next == std::string_view::npos) return true;
    rest = rest.substr(next + 1);
  }
}

LocalizedText& LocalizedText::set(std::string language, std::string text) {
  texts_.insert_or_assign(std::move(language), std::move(text));
  return *this;
}

std::optional<std::string_view> LocalizedText::get(std::string_view language) const {
  const auto it = texts_.find(language);
  if (it == texts_.end()) return std::nullopt;
  return std::string_view(it->second);
}

std::string_view LocalizedText::best(std::string_view language, std::string_view fallback) const {
  if (auto text = get(language)) return *text;
  if (auto text = get(fallback)) return *text;
  if (texts_.empty()) return {};
  return texts_.begin()->second;
}

}  // namespace dt::catalog
