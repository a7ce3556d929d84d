#include "http/middleware/problem_responder.hpp"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

#include "http/test_support/run_pipeline.hpp"

namespace {

using namespace dt::http;

Pipeline throwing(std::function<void()> thrower) {
  return dt::http::testing::single(std::make_unique<ProblemResponder>(),
                                   [thrower](Request&) -> dt::Awaitable<Response> {
                                     thrower();
                                     co_return Response::text(200, "unreachable");
                                   });
}

TEST(ProblemResponder, RendersAProblemAsProblemJson) {
  auto pipeline = throwing([] { throw dt::Problem::conflict("the exam was already submitted"); });
  Request request;
  request.set_target("/api/exams/1/submit");
  request.request_id = "rid";
  auto response = dt::http::testing::run_pipeline(pipeline, request);
  EXPECT_EQ(response.status, 409);
  EXPECT_EQ(response.headers.get("Content-Type"), "application/problem+json");
  auto doc = boost::json::parse(response.body).as_object();
  EXPECT_EQ(doc.at("detail").as_string(), "the exam was already submitted");
  EXPECT_EQ(doc.at("instance").as_string(), "/api/exams/1/submit");
  EXPECT_EQ(doc.at("request_id").as_string(), "rid");
}

TEST(ProblemResponder, CopiesProblemHeaders) {
  auto pipeline = throwing([] { throw dt::Problem::too_many_requests("slow down", 7); });
  Request request;
  auto response = dt::http::testing::run_pipeline(pipeline, request);
  EXPECT_EQ(response.status, 429);
  EXPECT_EQ(response.headers.get("Retry-After"), "7");
}

TEST(ProblemResponder, HidesInternalErrorsBehindA500) {
  auto pipeline = throwing([] { throw std::runtime_error("password=hunter2 connection string leaked"); });
  Request request;
  request.request_id = "r-9";
  auto response = dt::http::testing::run_pipeline(pipeline, request);
  EXPECT_EQ(response.status, 500);
  EXPECT_EQ(response.body.find("hunter2"), std::string::npos);
  EXPECT_NE(response.body.find("r-9"), std::string::npos);
}

TEST(ProblemResponder, HandlesNonStandardExceptions) {
  auto pipeline = throwing([] { throw 42; });
  Request request;
  EXPECT_EQ(dt::http::testing::run_pipeline(pipeline, request).status, 500);
}

}  // namespace
