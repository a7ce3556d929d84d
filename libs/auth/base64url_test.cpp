#include "auth/base64url.hpp"

#include <gtest/gtest.h>

#include <random>

namespace {

using dt::auth::base64url_decode;
using dt::auth::base64url_encode;

TEST(Base64url, EncodesTheRfc4648VectorsWithoutPadding) {
  EXPECT_EQ(base64url_encode(""), "");
  EXPECT_EQ(base64url_encode("f"), "Zg");
  EXPECT_EQ(base64url_encode("fo"), "Zm8");
  EXPECT_EQ(base64url_encode("foo"), "Zm9v");
  EXPECT_EQ(base64url_encode("foob"), "Zm9vYg");
  EXPECT_EQ(base64url_encode("fooba"), "Zm9vYmE");
  EXPECT_EQ(base64url_encode("foobar"), "Zm9vYmFy");
}

TEST(Base64url, UsesTheUrlSafeAlphabet) {
  EXPECT_EQ(base64url_encode("\xfb\xff\xbf"), "-_-_");
  EXPECT_EQ(base64url_decode("-_-_"), std::string("\xfb\xff\xbf"));
}

TEST(Base64url, RoundTripsRandomBytesOfEveryLength) {
  std::mt19937 random(42);
  for (std::size_t length = 0; length < 70; ++length) {
    std::string bytes(length, '\0');
    for (auto& b : bytes) b = static_cast<char>(random() & 0xFF);
    EXPECT_EQ(base64url_decode(base64url_encode(bytes)), bytes) << "length " << length;
  }
}

TEST(Base64url, RefusesPadding) {
  EXPECT_FALSE(base64url_decode("Zg=="));
  EXPECT_FALSE(base64url_decode("Zm8="));
  EXPECT_FALSE(base64url_decode("Zm9v===="));
  EXPECT_FALSE(base64url_decode("Zg=a"));
}

TEST(Base64url, RefusesCharactersOutsideTheAlphabet) {
  EXPECT_FALSE(base64url_decode("Zm9+"));  // standard base64, not url-safe
  EXPECT_FALSE(base64url_decode("Zm9/"));
  EXPECT_FALSE(base64url_decode("Zm 9v"));
  EXPECT_FALSE(base64url_decode("Zm9v."));
  EXPECT_FALSE(base64url_decode(std::string("Zm\0v", 4)));
  EXPECT_FALSE(base64url_decode("Zm9\xc3\xa9"));
}

TEST(Base64url, RefusesImpossibleLengthsAndNonCanonicalTrailingBits) {
  EXPECT_FALSE(base64url_decode("Z"));
  EXPECT_FALSE(base64url_decode("Zm9vY"));
  EXPECT_FALSE(base64url_decode("Zh"));   // "Zg" with a stray low bit
  EXPECT_FALSE(base64url_decode("Zm9"));  // "Zm8" with stray low bits
  EXPECT_EQ(base64url_decode("Zm8"), std::string("fo"));
}

}  // namespace
