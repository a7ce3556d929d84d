#include "log/json_escape.hpp"

#include <gtest/gtest.h>

namespace {

std::string escaped(std::string_view s) {
  std::string out;
  dt::log::append_json_escaped(out, s);
  return out;
}

TEST(JsonEscape, EscapesQuotesBackslashesAndControls) {
  EXPECT_EQ(escaped("a\"b\\c\n\t\x01"), "a\\\"b\\\\c\\n\\t\\u0001");
}

TEST(JsonEscape, CopiesPlainRunsAroundEscapes) {
  EXPECT_EQ(escaped("/api/v1/exams?x=1"), "/api/v1/exams?x=1");
  EXPECT_EQ(escaped("a\x7f\"long plain tail"), "a\\u007f\\\"long plain tail");
  EXPECT_EQ(escaped(""), "");
}

TEST(JsonEscape, KeepsValidUtf8) { EXPECT_EQ(escaped("Đường cấm 🚫"), "Đường cấm 🚫"); }

TEST(JsonEscape, ReplacesInvalidUtf8) {
  EXPECT_EQ(escaped("a\xff"
                    "b"),
            "a\\ufffdb");
  EXPECT_EQ(escaped("\xe1\xba"), "\\ufffd\\ufffd") << "truncated sequence";
  EXPECT_EQ(escaped("\xc0\xaf"), "\\ufffd\\ufffd") << "overlong encoding";
  EXPECT_EQ(escaped("\xed\xa0\x80"), "\\ufffd\\ufffd\\ufffd") << "surrogate";
}

}  // namespace
