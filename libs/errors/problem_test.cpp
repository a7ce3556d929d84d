#include "errors/problem.hpp"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

namespace {

TEST(Problem, RendersRfc7807Members) {
  auto doc = boost::json::parse(dt::render_problem(dt::Problem::not_found("question 42 does not exist"),
                                                   "/api/catalog/questions/42", "req-1"))
                 .as_object();
  EXPECT_EQ(doc.at("type").as_string(), "/problems/not-found");
  EXPECT_EQ(doc.at("title").as_string(), "Not found");
  EXPECT_EQ(doc.at("status").as_int64(), 404);
  EXPECT_EQ(doc.at("detail").as_string(), "question 42 does not exist");
  EXPECT_EQ(doc.at("instance").as_string(), "/api/catalog/questions/42");
  EXPECT_EQ(doc.at("request_id").as_string(), "req-1");
}

TEST(Problem, InvalidFieldNamesTheField) {
  auto problem = dt::Problem::invalid_field("answers[2].option", "must be an integer");
  EXPECT_EQ(problem.status(), 400);
  auto doc = boost::json::parse(dt::render_problem(problem, "", "")).as_object();
  EXPECT_EQ(doc.at("field").as_string(), "answers[2].option");
  EXPECT_EQ(doc.at("detail").as_string(), "'answers[2].option': must be an integer");
  EXPECT_FALSE(doc.contains("instance"));
}

TEST(Problem, CarriesHeadersThatBelongToIt) {
  auto p = dt::Problem::method_not_allowed("use GET", "GET, HEAD");
  ASSERT_EQ(p.headers().size(), 1u);
  EXPECT_EQ(p.headers()[0].first, "Allow");
  EXPECT_EQ(p.headers()[0].second, "GET, HEAD");
  EXPECT_EQ(dt::Problem::too_many_requests("slow down", 3).headers()[0].second, "3");
}

TEST(Problem, EscapesTextSafely) {
  auto text = dt::render_problem(dt::Problem::bad_request("quote \" and\nnewline and ký tự"), "", "");
  auto doc = boost::json::parse(text).as_object();
  EXPECT_EQ(doc.at("detail").as_string(), "quote \" and\nnewline and ký tự");
}

}  // namespace
