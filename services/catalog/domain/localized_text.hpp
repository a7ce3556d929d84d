#pragma once
// LocalizedText: text a person reads, one UTF-8 string per language code ({"vi": "...", "en": "..."}).
// Strings are stored byte for byte: no trimming, no Unicode normalisation, so what an import reads is exactly
// what an export writes (a Vietnamese text in NFD stays NFD).
#include <cstddef>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace dt::catalog {

// A BCP 47 style tag kept simple: a 2-3 letter lowercase language, then optional "-" subtags of 2-8 letters or
// digits ("vi", "en", "en-GB", "zh-Hant"). Enough to reject typos such as "EN" or "en_GB" at import.
bool is_valid_language_code(std::string_view code);

class LocalizedText {
 public:
  using Map = std::map<std::string, std::string, std::less<>>;

  LocalizedText() = default;
  explicit LocalizedText(Map texts) : texts_(std::move(texts)) {}

  // Replaces any text for that language.
  LocalizedText& set(std::string language, std::string text);
  std::optional<std::string_view> get(std::string_view language) const;
  // The text in `language`, else in `fallback`, else in the first language (by code): for displaying something
  // rather than nothing. Empty when there is no text at all.
  std::string_view best(std::string_view language, std::string_view fallback = "en") const;

  bool empty() const { return texts_.empty(); }
  std::size_t size() const { return texts_.size(); }
  // In language-code order, for serialisation.
  const Map& entries() const { return texts_; }

  friend bool operator==(const LocalizedText&, const LocalizedText&) = default;

 private:
  Map texts_;
};

}  // namespace dt::catalog
