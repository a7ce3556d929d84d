// Profile fields: language codes, display names, target licence classes.
#include "account/domain/profile.hpp"

#include <gtest/gtest.h>

namespace {

using namespace dt::account::domain;

TEST(ProfileTest, LanguagesAreViAndEn) {
  EXPECT_EQ(parse_language("vi"), Language::vi);
  EXPECT_EQ(parse_language("en"), Language::en);
  EXPECT_FALSE(parse_language("EN"));
  EXPECT_FALSE(parse_language("de"));
  EXPECT_EQ(language_code(Language::en), "en");
}

TEST(ProfileTest, DisplayNames) {
  EXPECT_FALSE(display_name_problem("Nguyễn Văn An"));
  EXPECT_EQ(*display_name_problem("   "), "must not be empty");
  EXPECT_EQ(*display_name_problem(std::string(81, 'a')), "must be at most 80 characters long");
  std::string eighty;
  for (int i = 0; i < 80; ++i) eighty += "ễ";  // 80 characters, 240 bytes
  EXPECT_FALSE(display_name_problem(eighty));
  EXPECT_EQ(*display_name_problem("An\x07"), "must not contain control characters");
  EXPECT_EQ(*display_name_problem("\xFF"), "must be valid UTF-8 text");
}

TEST(ProfileTest, TargetClasses) {
  EXPECT_FALSE(target_class_problem(""));
  EXPECT_FALSE(target_class_problem("vn/B"));
  EXPECT_FALSE(target_class_problem("uk/CAR"));
  EXPECT_FALSE(target_class_problem("vn/A1"));
  for (const char* bad : {"B", "vn/", "/B", "VN/B", "vn/b", "vn/B/C", "v/B", "vn/TOOLONGCLASS"}) {
    EXPECT_TRUE(target_class_problem(bad)) << bad;
  }
}

}  // namespace
