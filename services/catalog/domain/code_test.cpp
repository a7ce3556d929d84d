#include "catalog/domain/code.hpp"

#include <gtest/gtest.h>

#include <unordered_set>

#include "catalog/domain/reference_data.hpp"

namespace {

using dt::catalog::is_valid_code;
using dt::catalog::LicenceClassCode;
using dt::catalog::TopicCode;

TEST(Code, AcceptsTheFormatsCodes) {
  for (const char* code : {"vn", "vn.1", "B", "C1E", "vn-2025-B", "vn-motorcycle", "a_b"}) {
    EXPECT_TRUE(is_valid_code(code)) << code;
  }
}

TEST(Code, RejectsEmptyLongAndOddCharacters) {
  EXPECT_FALSE(is_valid_code(""));
  EXPECT_FALSE(is_valid_code(std::string(65, 'a')));
  EXPECT_TRUE(is_valid_code(std::string(64, 'a')));
  for (const char* code : {"vn 1", "vn/1", "điểm", "a\tb", "x;drop"}) EXPECT_FALSE(is_valid_code(code)) << code;
}

TEST(Code, ComparesExactlyAndHashes) {
  EXPECT_NE(LicenceClassCode("b"), LicenceClassCode("B"));
  EXPECT_EQ(TopicCode("vn.1"), TopicCode("vn.1"));
  EXPECT_LT(TopicCode("vn.1"), TopicCode("vn.2"));
  std::unordered_set<TopicCode> set{TopicCode("vn.1"), TopicCode("vn.1"), TopicCode("vn.2")};
  EXPECT_EQ(set.size(), 2u);
  EXPECT_TRUE(TopicCode().empty());
  EXPECT_FALSE(TopicCode().valid());
}

TEST(ReferenceData, TopicsAndClassesReferToTheirJurisdictionByCode) {
  const dt::catalog::Topic topic{TopicCode("vn.1"), dt::catalog::JurisdictionCode("vn"), 1,
                                 dt::catalog::LocalizedText().set("en", "Rules of road traffic")};
  const dt::catalog::LicenceClass b{LicenceClassCode("B"), topic.jurisdiction, {}};
  EXPECT_EQ(b.jurisdiction.value(), "vn");
  EXPECT_EQ(topic.name.best("vi"), "Rules of road traffic");
}

}  // namespace
