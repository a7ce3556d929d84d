#include "auth/bearer.hpp"

#include <gtest/gtest.h>

namespace {

using dt::auth::bearer_token;

TEST(BearerToken, TakesTheTokenWhateverTheSchemesCase) {
  EXPECT_EQ(bearer_token("Bearer abc.def.ghi"), "abc.def.ghi");
  EXPECT_EQ(bearer_token("bearer abc"), "abc");
  EXPECT_EQ(bearer_token("BEARER   abc"), "abc");
}

TEST(BearerToken, RefusesOtherSchemesEmptyTokensAndSeveralCredentials) {
  EXPECT_FALSE(bearer_token("Basic dXNlcjpwYXNz"));
  EXPECT_FALSE(bearer_token("Bearer"));
  EXPECT_FALSE(bearer_token("Bearer "));
  EXPECT_FALSE(bearer_token("Bearerabc"));
  EXPECT_FALSE(bearer_token("Bearer abc def"));
  EXPECT_FALSE(bearer_token("Bearer abc\tdef"));
  EXPECT_FALSE(bearer_token("Bearer abc, Bearer def"));
}

TEST(InvalidToken, IsA401NamingTheBearerError) {
  const auto problem = dt::auth::invalid_token("expired");
  EXPECT_EQ(problem.status(), 401);
  EXPECT_EQ(problem.detail(), "expired");
  ASSERT_EQ(problem.headers().size(), 1u);
  EXPECT_EQ(problem.headers()[0].first, "WWW-Authenticate");
  EXPECT_EQ(problem.headers()[0].second, "Bearer error=\"invalid_token\"");
}

}  // namespace
