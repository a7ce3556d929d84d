// Base64 on OpenSSL: the RFC 4648 test vectors both ways, binary bytes, and malformed input.
#include "digest/base64.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

namespace {

using dt::digest::base64_decode;
using dt::digest::base64_encode;

TEST(Base64, EncodesAndDecodesTheRfc4648Vectors) {
  const std::pair<std::string, std::string> vectors[] = {{"", ""},
                                                         {"f", "Zg=="},
                                                         {"fo", "Zm8="},
                                                         {"foo", "Zm9v"},
                                                         {"foob", "Zm9vYg=="},
                                                         {"fooba", "Zm9vYmE="},
                                                         {"foobar", "Zm9vYmFy"}};
  for (const auto& [plain, encoded] : vectors) {
    EXPECT_EQ(base64_encode(plain), encoded) << plain;
    EXPECT_EQ(base64_decode(encoded), plain) << encoded;
  }
}

TEST(Base64, RoundTripsEveryByteValue) {
  std::string bytes;
  for (int i = 0; i < 256; ++i) bytes.push_back(static_cast<char>(i));
  EXPECT_EQ(base64_decode(base64_encode(bytes)), bytes);
  EXPECT_EQ(base64_encode("/drivetest/services/"), "L2RyaXZldGVzdC9zZXJ2aWNlcy8=");
}

TEST(Base64, RejectsMalformedText) {
  EXPECT_THROW(base64_decode("Zm9"), std::invalid_argument);
  EXPECT_THROW(base64_decode("Zm9*"), std::invalid_argument);
}

}  // namespace
