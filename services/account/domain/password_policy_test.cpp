// The password rules, one by one.
#include "account/domain/password_policy.hpp"

#include <gtest/gtest.h>

namespace {

using dt::account::domain::password_problem;

std::string problem(std::string_view password, std::string_view username = "lan",
                    std::string_view email = "lan.nguyen@example.com") {
  return password_problem(password, username, email).value_or("");
}

TEST(PasswordPolicyTest, AcceptsAStrongPassword) {
  EXPECT_EQ(problem("Xe-may-2025!"), "");
  EXPECT_EQ(problem("Bằng lái xe 2025"), "");  // Vietnamese letters count as letters
}

TEST(PasswordPolicyTest, LengthIsCountedInCharactersNotBytes) {
  EXPECT_EQ(problem("đđđđđđđđ1"), "must be at least 10 characters long");  // 9 characters, 17 bytes
  EXPECT_EQ(problem("Abc123456"), "must be at least 10 characters long");
  EXPECT_EQ(problem(std::string(120, 'a') + std::string(9, '1')), "must be at most 128 characters long");
}

TEST(PasswordPolicyTest, NeedsALetterAndADigit) {
  EXPECT_EQ(problem("abcdefghijk"), "must contain at least one digit");
  EXPECT_EQ(problem("1357913579-"), "must contain at least one letter");
}

TEST(PasswordPolicyTest, RefusesTheUsernameAndTheEmail) {
  EXPECT_EQ(problem("my-LAN-pass-1"), "must not contain the username");
  EXPECT_EQ(problem("lan.nguyen@example.com1", "khoa"), "must not contain the e-mail address");
  EXPECT_EQ(problem("x-Lan.Nguyen-9", "khoa"), "must not contain the e-mail address");
}

TEST(PasswordPolicyTest, RefusesCommonAndDegeneratePasswords) {
  EXPECT_EQ(problem("Password123"), "is one of the most common passwords; choose another");
  EXPECT_EQ(problem("Qwertyuiop1"), "");
  EXPECT_EQ(problem("bằng lái xe 2025"), "must contain at least one upper-case letter (A-Z)");
  EXPECT_EQ(problem("1111111111"), "must contain at least one letter");
  EXPECT_EQ(problem("matkhau123"), "is one of the most common passwords; choose another");
}

TEST(PasswordPolicyTest, RefusesControlCharactersAndBadUtf8) {
  EXPECT_EQ(problem("abcdef\n12345"), "must not contain control characters");
  EXPECT_EQ(problem("abcdefg1234\xC3"), "must be valid UTF-8 text");
}

}  // namespace
