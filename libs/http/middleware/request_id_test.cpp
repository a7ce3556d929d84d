#include "http/middleware/request_id.hpp"

#include <gtest/gtest.h>

#include "http/test_support/run_pipeline.hpp"

namespace {

using namespace dt::http;

Pipeline echo_id() {
  return dt::http::testing::single(std::make_unique<RequestId>(), [](Request& r) -> dt::Awaitable<Response> {
    co_return Response::text(200, r.request_id);
  });
}

TEST(RequestId, GeneratesOneWhenNoneIsSent) {
  auto pipeline = echo_id();
  Request request;
  auto response = dt::http::testing::run_pipeline(pipeline, request);
  EXPECT_EQ(response.body.size(), 32u);
  EXPECT_EQ(response.headers.get("X-Request-Id"), response.body);
  Request second;
  EXPECT_NE(dt::http::testing::run_pipeline(pipeline, second).body, response.body);
}

TEST(RequestId, KeepsAWellFormedIncomingId) {
  auto pipeline = echo_id();
  Request request;
  request.headers.add("X-Request-Id", "gateway-abc.123");
  EXPECT_EQ(dt::http::testing::run_pipeline(pipeline, request).body, "gateway-abc.123");
}

TEST(RequestId, ReplacesAHostileIncomingId) {
  auto pipeline = echo_id();
  Request request;
  request.headers.add("X-Request-Id", "x\r\nSet-Cookie: a=b");
  EXPECT_EQ(dt::http::testing::run_pipeline(pipeline, request).body.size(), 32u);
  EXPECT_FALSE(RequestId::acceptable(std::string(65, 'a')));
  EXPECT_FALSE(RequestId::acceptable(""));
}

}  // namespace
