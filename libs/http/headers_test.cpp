#include "http/headers.hpp"

#include <gtest/gtest.h>

namespace {

TEST(Headers, LooksUpNamesWithoutCase) {
  dt::http::Headers h;
  h.add("Content-Type", "application/json");
  EXPECT_EQ(h.get("content-type"), "application/json");
  EXPECT_EQ(h.get("CONTENT-TYPE"), "application/json");
  EXPECT_FALSE(h.find("X-Missing").has_value());
  EXPECT_EQ(h.get("X-Missing"), "");
}

TEST(Headers, SetReplacesEveryValue) {
  dt::http::Headers h;
  h.add("X-A", "1");
  h.add("x-a", "2");
  h.set("X-A", "3");
  EXPECT_EQ(h.size(), 1u);
  EXPECT_EQ(h.get("x-a"), "3");
  h.remove("X-A");
  EXPECT_EQ(h.size(), 0u);
}

}  // namespace
