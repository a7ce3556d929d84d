#include "catalog/io/localized_json.hpp"

#include <gtest/gtest.h>

#include <boost/json/serialize.hpp>

#include "catalog/io/io_test_support.hpp"

namespace {

using namespace dt::catalog;
using namespace dt::catalog::io;
using iotest::parse;
using iotest::problem_field;

TEST(LocalizedJson, VietnameseTextRoundTripsByteForByte) {
  // Precomposed (NFC) and decomposed (NFD: "e" + combining marks) spellings must both survive unchanged.
  const std::string nfc = "Người điều khiển phương tiện phải giảm tốc độ \"ngay\", không được vượt.";
  const std::string nfd = "Ngu\xCC\x9B\xCC\x80o\xCC\x9Bi \xC4\x91ie\xCC\x82\xCC\x80u khie\xCC\x82\xCC\x89n";
  const LocalizedText text = LocalizedText().set("vi", nfc).set("vi-VN", nfd).set("en", "tab\there\nline");
  const std::string json = boost::json::serialize(to_json(text));
  const LocalizedText back = localized_from_json(parse(json), "text");
  EXPECT_EQ(back, text);
  EXPECT_EQ(*back.get("vi"), nfc);
  EXPECT_EQ(*back.get("vi-VN"), nfd);
  EXPECT_NE(json.find("Người điều khiển"), std::string::npos) << "UTF-8 is written as is, not \\u-escaped";
}

TEST(LocalizedJson, EmptyObjectIsAnEmptyText) { EXPECT_TRUE(localized_from_json(parse("{}"), "x").empty()); }

TEST(LocalizedJson, ErrorsNameTheLanguageField) {
  EXPECT_EQ(problem_field([] { localized_from_json(parse(R"({"vi": 5})"), "options[1].text"); }), "options[1].text.vi");
  EXPECT_EQ(problem_field([] { localized_from_json(parse(R"({"vi": null})"), "t"); }), "t.vi");
  EXPECT_EQ(problem_field([] { localized_from_json(parse(R"({"EN": "x"})"), "t"); }), "t.EN");
  EXPECT_EQ(problem_field([] { localized_from_json(parse(R"({"en_GB": "x"})"), "t"); }), "t.en_GB");
  EXPECT_EQ(problem_field([] { localized_from_json(parse(R"("just text")"), "name"); }), "name");
  EXPECT_EQ(problem_field([] { localized_from_json(parse(R"(["vi"])"), "name"); }), "name");
}

TEST(LocalizedJson, LimitsTheLengthInCodePoints) {
  std::string vietnamese;
  for (std::size_t i = 0; i < kMaxTextLength; ++i) vietnamese += "ữ";  // 3 bytes, one code point
  boost::json::object ok{{"vi", vietnamese}};
  EXPECT_EQ(localized_from_json(ok, "t").get("vi")->size(), 3 * kMaxTextLength);
  boost::json::object too_long{{"vi", vietnamese + "a"}};
  EXPECT_EQ(problem_field([&] { localized_from_json(too_long, "t"); }), "t.vi");
}

TEST(LocalizedJson, FieldHelperRequiresOrDefaults) {
  const boost::json::value doc = parse(R"({"name": {"vi": "Việt Nam"}, "gone": null})");
  const dt::json::ObjectReader in(doc, "jurisdictions[0]");
  EXPECT_EQ(*localized_field(in, "name", true).get("vi"), "Việt Nam");
  EXPECT_TRUE(localized_field(in, "gone", false).empty());
  EXPECT_EQ(problem_field([&] { localized_field(in, "gone", true); }), "jurisdictions[0].gone");
}

}  // namespace
