#include "json/body.hpp"

#include <gtest/gtest.h>

#include "errors/problem.hpp"

namespace {

int status_of(std::string_view body) {
  try {
    dt::json::parse_body(body);
  } catch (const dt::Problem& p) {
    return p.status();
  }
  return 200;
}

TEST(ParseBody, AcceptsAValidDocument) {
  auto v = dt::json::parse_body(R"({"name":"Nguyễn","n":3})");
  EXPECT_EQ(v.as_object().at("name").as_string(), "Nguyễn");
}

TEST(ParseBody, RejectsMalformedInputWith400) {
  EXPECT_EQ(status_of(""), 400);
  EXPECT_EQ(status_of("{"), 400);
  EXPECT_EQ(status_of("{\"a\":}"), 400);
  EXPECT_EQ(status_of("{} trailing"), 400);
  EXPECT_EQ(status_of("\xff\xfe"), 400);
  EXPECT_EQ(status_of("nul"), 400);
}

TEST(ParseBody, RejectsDeepNestingInsteadOfRecursingForever) {
  std::string deep(100000, '[');
  EXPECT_EQ(status_of(deep), 400);
  EXPECT_EQ(status_of(std::string(20, '[') + std::string(20, ']')), 200);
}

TEST(ParseBody, MessageSaysWhereItBroke) {
  try {
    dt::json::parse_body("{\"a\": 1,,}");
    FAIL();
  } catch (const dt::Problem& p) {
    EXPECT_EQ(p.type_slug(), "malformed-json");
    EXPECT_NE(p.detail().find("near byte"), std::string::npos) << p.detail();
  }
}

}  // namespace
