#include "storage/s3_xml.hpp"

#include <gtest/gtest.h>

namespace {

using namespace dt::storage;

TEST(S3Xml, ReadsTheFirstElementAndDecodesEntities) {
  const std::string xml = R"(<?xml version="1.0"?><InitiateMultipartUploadResult><Bucket>b</Bucket><Key>a&amp;b</Key>)"
                          R"(<UploadId>xyz_1</UploadId></InitiateMultipartUploadResult>)";
  EXPECT_EQ(xml_text(xml, "UploadId"), "xyz_1");
  EXPECT_EQ(xml_text(xml, "Key"), "a&b");
  EXPECT_EQ(xml_text(xml, "Missing"), std::nullopt);
  EXPECT_EQ(xml_text("<Code>NoSuchKey", "Code"), std::nullopt) << "an unclosed element is no element";
}

TEST(S3Xml, ReadsEveryElement) {
  const std::string xml =
      "<ListBucketResult><Contents><Key>p/1</Key></Contents><Contents><Key>p/2&lt;</Key></Contents>"
      "<IsTruncated>false</IsTruncated></ListBucketResult>";
  EXPECT_EQ(xml_texts(xml, "Key"), (std::vector<std::string>{"p/1", "p/2<"}));
  EXPECT_TRUE(xml_texts(xml, "Nope").empty());
}

TEST(S3Xml, EscapesText) { EXPECT_EQ(xml_escape(R"(<"a'&b">)"), "&lt;&quot;a&apos;&amp;b&quot;&gt;"); }

}  // namespace
