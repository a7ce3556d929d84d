#include "catalog/domain/localized_text.hpp"

#include <gtest/gtest.h>

#include <string>

namespace {

using dt::catalog::is_valid_language_code;
using dt::catalog::LocalizedText;

TEST(LocalizedText, RoundTripsUtf8ByteForByte) {
  // Precomposed (NFC) and decomposed (NFD) Vietnamese, padding and a newline: all kept exactly.
  const std::string nfc = "Đường ưu tiên";
  const std::string nfd = "Đu\xCC\x9B\xCC\x80o\xCC\x9Bng";
  LocalizedText text;
  text.set("vi", nfc).set("en", "  Priority road\n").set("vi-x", nfd);
  EXPECT_EQ(text.get("vi"), nfc);
  EXPECT_EQ(text.get("en"), "  Priority road\n");
  EXPECT_EQ(text.get("vi-x"), nfd);
  const LocalizedText copy(text.entries());
  EXPECT_EQ(copy, text);
}

TEST(LocalizedText, SetReplacesAndMissingLanguageIsEmpty) {
  LocalizedText text;
  text.set("en", "one").set("en", "two");
  EXPECT_EQ(text.size(), 1u);
  EXPECT_EQ(text.get("en"), "two");
  EXPECT_FALSE(text.get("de").has_value());
}

TEST(LocalizedText, BestFallsBackToFallbackThenFirstLanguage) {
  LocalizedText text;
  text.set("vi", "Biển báo").set("en", "Sign");
  EXPECT_EQ(text.best("vi"), "Biển báo");
  EXPECT_EQ(text.best("de"), "Sign");
  EXPECT_EQ(text.best("de", "fr"), "Sign");  // "en" < "vi": the first by code
  EXPECT_EQ(LocalizedText().best("en"), "");
}

TEST(LocalizedText, EntriesAreInLanguageOrder) {
  LocalizedText text;
  text.set("vi", "a").set("de", "b").set("en", "c");
  std::string order;
  for (const auto& [language, value] : text.entries()) order += language + ",";
  EXPECT_EQ(order, "de,en,vi,");
}

TEST(LanguageCode, AcceptsSimpleTagsOnly) {
  for (const char* ok : {"vi", "en", "deu", "en-GB", "zh-Hant", "sr-Latn-RS"}) EXPECT_TRUE(is_valid_language_code(ok));
  for (const char* bad : {"", "e", "EN", "en_GB", "en-", "english", "en-G", "-en", "en--GB"}) {
    EXPECT_FALSE(is_valid_language_code(bad)) << bad;
  }
}

}  // namespace
