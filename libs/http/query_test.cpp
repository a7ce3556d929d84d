#include "http/query.hpp"

#include <gtest/gtest.h>

#include "errors/problem.hpp"

namespace {

using dt::http::percent_decode;
using dt::http::query_value;

TEST(PercentDecode, DecodesEscapesAndPlus) {
  EXPECT_EQ(percent_decode("a%20b+c", true), "a b c");
  EXPECT_EQ(percent_decode("a+b", false), "a+b");
  EXPECT_EQ(percent_decode("%C4%91%C6%B0%E1%BB%9Dng", true), "đường");
}

TEST(PercentDecode, RejectsMalformedEscapes) {
  EXPECT_FALSE(percent_decode("%", true));
  EXPECT_FALSE(percent_decode("%4", true));
  EXPECT_FALSE(percent_decode("%G1", true));
}

TEST(QueryValue, FindsDecodedValues) {
  EXPECT_EQ(query_value("page=2&q=bi%E1%BB%83n+b%C3%A1o", "q"), "biển báo");
  EXPECT_EQ(query_value("page=2&q=x", "page"), "2");
  EXPECT_EQ(query_value("flag&x=1", "flag"), "");
  EXPECT_FALSE(query_value("a=1", "b"));
  EXPECT_FALSE(query_value("", "b"));
  EXPECT_EQ(query_value("a=1&a=2", "a"), "1");
}

TEST(QueryValue, MalformedValueIsABadRequestNamingTheParameter) {
  try {
    query_value("page=%zz", "page");
    FAIL();
  } catch (const dt::Problem& p) {
    EXPECT_EQ(p.status(), 400);
    EXPECT_EQ(p.extensions().at(0).second, "page");
  }
}

}  // namespace
