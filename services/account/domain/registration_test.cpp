// Registration rules: usernames, e-mail addresses, and every field named in the errors.
#include "account/domain/registration.hpp"

#include <gtest/gtest.h>

namespace {

using namespace dt::account::domain;

TEST(UsernameTest, AcceptsTheAllowedShapes) {
  EXPECT_FALSE(username_problem("lan"));
  EXPECT_FALSE(username_problem("nguyen.van_an-2"));
  EXPECT_FALSE(username_problem(std::string(32, 'a')));
}

TEST(UsernameTest, RefusesWithAReason) {
  EXPECT_EQ(*username_problem("ab"), "must be at least 3 characters long");
  EXPECT_EQ(*username_problem(std::string(33, 'a')), "must be at most 32 characters long");
  EXPECT_EQ(*username_problem("an an"), "may contain only letters a-z, digits, '.', '_' and '-'");
  EXPECT_EQ(*username_problem("An"), "must be at least 3 characters long");
  EXPECT_TRUE(username_problem("Anna"));  // not normalized: upper case is refused here
  EXPECT_EQ(*username_problem("_anna"), "must start with a letter or a digit");
  EXPECT_TRUE(username_problem("ana\xC3\xA9"));
}

TEST(UsernameTest, NormalizesCaseAndSpaces) {
  EXPECT_EQ(normalize_username("  Anna.B "), "anna.b");
  EXPECT_EQ(normalize_email(" Anna@Example.COM"), "anna@example.com");
}

TEST(EmailTest, AcceptsOrdinaryAddresses) {
  EXPECT_FALSE(email_problem("a@b.vn"));
  EXPECT_FALSE(email_problem("first.last+tag@sub.example.com"));
}

TEST(EmailTest, RefusesMalformedAddresses) {
  for (const char* bad : {"", "plain", "a@b", "@b.com", "a@@b.com", "a@b.com@c.com", "a b@c.com", "a@.b.com",
                          "a@b.com.", "a@b..com", "a@b_c.com"}) {
    EXPECT_TRUE(email_problem(bad)) << bad;
  }
  EXPECT_TRUE(email_problem(std::string(250, 'a') + "@b.com"));
}

TEST(RegistrationTest, AValidRegistrationHasNoErrors) {
  Registration registration;
  registration.username = "lan";
  registration.email = "lan@example.com";
  registration.password = "Xe-may-2025!";
  EXPECT_TRUE(validate_registration(registration).empty());
}

TEST(RegistrationTest, NamesEveryBadField) {
  Registration registration;
  registration.username = "x";
  registration.email = "nope";
  registration.password = "short1";
  registration.display_name = "\x01";
  const auto errors = validate_registration(registration);
  ASSERT_EQ(errors.size(), 4u);
  EXPECT_EQ(errors[0].field, "username");
  EXPECT_EQ(errors[1].field, "email");
  EXPECT_EQ(errors[2].field, "password");
  EXPECT_EQ(errors[2].message, "must be at least 10 characters long");
  EXPECT_EQ(errors[3].field, "display_name");
}

}  // namespace
