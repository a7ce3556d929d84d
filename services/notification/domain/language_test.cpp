#include "notification/domain/language.hpp"

#include <gtest/gtest.h>

namespace dt::notification::domain {
namespace {

TEST(MailLanguage, VietnameseOnlyForVietnamese) {
  for (const char* code : {"vi", "VI", "Vi", "vi-VN", "vi_VN"}) EXPECT_EQ(mail_language(code), Language::vi) << code;
}

TEST(MailLanguage, EnglishForEverythingElse) {
  for (const char* code : {"en", "en-GB", "de", "", "v", "vie", "video", "fr-vi"}) {
    EXPECT_EQ(mail_language(code), Language::en) << code;
  }
}

TEST(MailLanguage, Codes) {
  EXPECT_EQ(language_code(Language::vi), "vi");
  EXPECT_EQ(language_code(Language::en), "en");
}

}  // namespace
}  // namespace dt::notification::domain
