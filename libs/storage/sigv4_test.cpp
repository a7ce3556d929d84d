// Presigning checked against AWS's documented example ("Authenticating Requests: Using Query Parameters",
// Amazon S3 API reference): the same inputs must give AWS's signature, byte for byte.
#include "storage/sigv4.hpp"

#include <gtest/gtest.h>

namespace {

using dt::storage::presign;
using dt::storage::PresignRequest;
using dt::storage::uri_encode;

std::chrono::system_clock::time_point may_24_2013() {
  return std::chrono::system_clock::time_point(std::chrono::seconds(1369353600));  // 2013-05-24T00:00:00Z
}

TEST(Presign, MatchesAwsDocumentedExample) {
  PresignRequest r;
  r.base_url = "https://examplebucket.s3.amazonaws.com";
  r.path = "/test.txt";
  r.region = "us-east-1";
  r.access_key = "AKIAIOSFODNN7EXAMPLE";
  r.secret_key = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
  r.now = may_24_2013();
  r.expires = std::chrono::seconds(86400);
  EXPECT_EQ(presign(r),
            "https://examplebucket.s3.amazonaws.com/test.txt?X-Amz-Algorithm=AWS4-HMAC-SHA256"
            "&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request"
            "&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host"
            "&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404");
}

TEST(Presign, SignsTheHostWithItsPortAndChangesWithEveryInput) {
  PresignRequest r;
  r.base_url = "http://127.0.0.1:28333";
  r.path = "/drivetest-private/abc";
  r.region = "us-east-1";
  r.access_key = "AK";
  r.secret_key = "SK";
  r.now = may_24_2013();
  const auto base = presign(r);
  EXPECT_EQ(base.rfind("http://127.0.0.1:28333/drivetest-private/abc?X-Amz-Algorithm=AWS4-HMAC-SHA256", 0), 0u);
  EXPECT_NE(base.find("&X-Amz-Expires=900&"), std::string::npos);
  auto other_port = r;
  other_port.base_url = "http://127.0.0.1:28334";
  auto other_key = r;
  other_key.path = "/drivetest-private/abd";
  auto other_secret = r;
  other_secret.secret_key = "SL";
  const auto signature = [](const std::string& url) { return url.substr(url.rfind('=') + 1); };
  EXPECT_NE(signature(presign(other_port)), signature(base));
  EXPECT_NE(signature(presign(other_key)), signature(base));
  EXPECT_NE(signature(presign(other_secret)), signature(base));
}

TEST(UriEncode, KeepsUnreservedAndOptionallySlashes) {
  EXPECT_EQ(uri_encode("AZaz09-_.~", false), "AZaz09-_.~");
  EXPECT_EQ(uri_encode("a b/c+d", true), "a%20b/c%2Bd");
  EXPECT_EQ(uri_encode("a/b", false), "a%2Fb");
  EXPECT_EQ(uri_encode("đ", false), "%C4%91");
}

}  // namespace
