#include "http/router.hpp"

#include <gtest/gtest.h>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>

#include <array>

#include "errors/problem.hpp"

namespace {

using namespace dt::http;
namespace asio = boost::asio;

Handler says(std::string text) {
  return [text](Request& r) -> dt::Awaitable<Response> {
    std::string body = text;
    for (const auto& [k, v] : r.params) body += " " + std::string(k) + "=" + v;
    co_return Response::text(200, body);
  };
}

struct Outcome {
  int status = 0;
  std::string body;
  std::string allow;
  std::string route;
};

Outcome call(const Router& router, Method method, const std::string& target) {
  asio::io_context io;
  Request request;
  request.method = method;
  request.method_text = std::string(to_string(method));
  request.set_target(target);
  Outcome out;
  asio::co_spawn(
      io,
      [&]() -> dt::Awaitable<void> {
        try {
          auto r = co_await router.dispatch(request);
          out.status = r.status;
          out.body = r.body;
        } catch (const dt::Problem& p) {
          out.status = p.status();
          for (const auto& [k, v] : p.headers())
            if (k == "Allow") out.allow = v;
        }
      },
      asio::detached);
  io.run();
  out.route = std::string(request.route);
  return out;
}

Router sample() {
  Router router;
  router.add(Method::get, "/api/exams", says("list"));
  router.add(Method::post, "/api/exams", says("create"));
  router.add(Method::get, "/api/exams/{id}", says("one"));
  router.add(Method::put, "/api/exams/{id}/answers/{q}", says("answer"));
  router.add(Method::get, "/api/exams/latest", says("latest"));
  return router;
}

TEST(Router, MatchesLiteralAndParameterSegments) {
  auto router = sample();
  EXPECT_EQ(call(router, Method::get, "/api/exams").body, "list");
  EXPECT_EQ(call(router, Method::post, "/api/exams").body, "create");
  EXPECT_EQ(call(router, Method::get, "/api/exams/42").body, "one id=42");
  EXPECT_EQ(call(router, Method::put, "/api/exams/7/answers/3").body, "answer id=7 q=3");
  EXPECT_EQ(call(router, Method::get, "/api/exams/42?x=1").body, "one id=42");
}

TEST(Router, FirstRegisteredRouteWins) {
  auto router = sample();
  EXPECT_EQ(call(router, Method::get, "/api/exams/latest").body, "one id=latest");
}

TEST(Router, DecodesParameters) {
  auto router = sample();
  EXPECT_EQ(call(router, Method::get, "/api/exams/a%2Fb").body, "one id=a/b");
  EXPECT_EQ(call(router, Method::get, "/api/exams/%zz").status, 400);
}

TEST(Router, DistinguishesNotFoundFromMethodNotAllowed) {
  auto router = sample();
  EXPECT_EQ(call(router, Method::get, "/api/nothing").status, 404);
  EXPECT_EQ(call(router, Method::get, "/api/exams/").status, 404) << "an empty parameter does not match";
  EXPECT_EQ(call(router, Method::get, "/api/exams/1/2").status, 404);
  auto out = call(router, Method::delete_, "/api/exams");
  EXPECT_EQ(out.status, 405);
  EXPECT_EQ(out.allow, "GET, POST");
}

TEST(Router, HeadFallsBackToGet) {
  auto router = sample();
  auto out = call(router, Method::head, "/api/exams/5");
  EXPECT_EQ(out.status, 200);
  EXPECT_EQ(out.route, "GET /api/exams/{id}");
}

TEST(Router, RecordsTheMatchedRoute) {
  auto router = sample();
  EXPECT_EQ(call(router, Method::get, "/api/exams/9").route, "GET /api/exams/{id}");
  EXPECT_EQ(call(router, Method::get, "/nope").route, "");
}

TEST(Router, KnowsWhichRoutesStreamTheirBody) {
  auto router = sample();
  router.add_streaming(Method::post, "/api/files", 5000, says("upload"));
  router.add_streaming(Method::put, "/api/files/{id}", 7000, says("replace"));
  EXPECT_EQ(router.streaming_body_limit(Method::post, "/api/files"), 5000u);
  EXPECT_EQ(router.streaming_body_limit(Method::put, "/api/files/abc"), 7000u);
  EXPECT_EQ(router.streaming_body_limit(Method::get, "/api/files"), std::nullopt) << "another method";
  EXPECT_EQ(router.streaming_body_limit(Method::post, "/api/exams"), std::nullopt) << "not a streaming route";
  EXPECT_EQ(router.streaming_body_limit(Method::post, "/nowhere"), std::nullopt);
}

TEST(Router, AStreamingRouteCalledInCodeReadsTheBodyItWasGiven) {
  Router router;
  router.add_streaming(Method::post, "/upload", 100, [](Request& r) -> dt::Awaitable<Response> {
    std::string got;
    std::array<char, 3> chunk;
    while (const auto n = co_await r.body_reader->read_some(chunk)) got.append(chunk.data(), n);
    co_return Response::text(200, got + (r.body_reader->done() ? " (done)" : ""));
  });
  asio::io_context io;
  Request request;
  request.method = Method::post;
  request.set_target("/upload");
  request.body = "in memory";
  std::string body;
  asio::co_spawn(
      io, [&]() -> dt::Awaitable<void> { body = (co_await router.dispatch(request)).body; }, asio::detached);
  io.run();
  EXPECT_EQ(body, "in memory (done)");
}

TEST(Router, RejectsBadPatterns) {
  Router router;
  EXPECT_THROW(router.add(Method::get, "no-slash", says("x")), std::invalid_argument);
  EXPECT_THROW(router.add(Method::get, "/a/{b", says("x")), std::invalid_argument);
  router.add(Method::get, "/a", says("x"));
  EXPECT_THROW(router.add(Method::get, "/a", says("y")), std::invalid_argument);
}

}  // namespace
