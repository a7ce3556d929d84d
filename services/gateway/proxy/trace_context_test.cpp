#include "gateway/proxy/trace_context.hpp"

#include <gtest/gtest.h>

namespace {

using dt::gateway::proxy::next_traceparent;
using dt::gateway::proxy::parse_traceparent;

constexpr const char* kValid = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

TEST(TraceContext, ParsesTheSpecificationsExample) {
  const auto parent = parse_traceparent(kValid);
  ASSERT_TRUE(parent);
  EXPECT_EQ(parent->trace_id, "0af7651916cd43dd8448eb211c80319c");
  EXPECT_EQ(parent->parent_id, "b7ad6b7169203331");
  EXPECT_EQ(parent->flags, "01");
  EXPECT_EQ(parent->to_header(), kValid);
}

TEST(TraceContext, RefusesInvalidValues) {
  EXPECT_FALSE(parse_traceparent(""));
  EXPECT_FALSE(parse_traceparent("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331"));
  EXPECT_FALSE(parse_traceparent("00-0AF7651916CD43DD8448EB211C80319C-b7ad6b7169203331-01"));
  EXPECT_FALSE(parse_traceparent("00-00000000000000000000000000000000-b7ad6b7169203331-01"));
  EXPECT_FALSE(parse_traceparent("00-0af7651916cd43dd8448eb211c80319c-0000000000000000-01"));
  EXPECT_FALSE(parse_traceparent("ff-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"));
  EXPECT_FALSE(parse_traceparent("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01-extra"));
  EXPECT_FALSE(parse_traceparent("00_0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"));
}

TEST(TraceContext, AFutureVersionIsReadAsVersionZero) {
  EXPECT_TRUE(parse_traceparent("01-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01-more"));
  EXPECT_FALSE(parse_traceparent("01-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01more"));
}

TEST(TraceContext, ContinuesAValidTraceWithANewSpan) {
  const auto next = next_traceparent(kValid);
  EXPECT_TRUE(next.continued);
  const auto parent = parse_traceparent(next.traceparent);
  ASSERT_TRUE(parent);
  EXPECT_EQ(parent->trace_id, "0af7651916cd43dd8448eb211c80319c");
  EXPECT_NE(parent->parent_id, "b7ad6b7169203331");
  EXPECT_EQ(parent->flags, "01");
}

TEST(TraceContext, StartsANewTraceOtherwise) {
  for (const char* incoming : {"", "garbage"}) {
    const auto next = next_traceparent(incoming);
    EXPECT_FALSE(next.continued);
    ASSERT_TRUE(parse_traceparent(next.traceparent)) << next.traceparent;
  }
  EXPECT_NE(next_traceparent("").traceparent, next_traceparent("").traceparent);
}

}  // namespace
