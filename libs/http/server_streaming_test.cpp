// Streaming routes over real TCP: the handler pulls the body in chunks (Content-Length or chunked), the route's
// own limit, a body cut short, a handler that answers without reading, and Expect: 100-continue.
#include <gtest/gtest.h>

#include <array>
#include <atomic>
#include <string>

#include "errors/problem.hpp"
#include "http/server.hpp"
#include "http/test_support/raw_client.hpp"
#include "http/test_support/test_server.hpp"

namespace {

using namespace dt::http;
using dt::http::testing::RawClient;
using dt::http::testing::TestServer;

constexpr std::size_t kUploadLimit = 100'000;

struct Seen {
  std::atomic<int> calls{0};
  std::atomic<int> problems{0};  // reads that threw a dt::Problem
};

// Echoes the body it reads 1000 bytes at a time; X-Reads counts the reads that returned bytes.
Handler echo_in_chunks(Seen& seen) {
  return [&seen](Request& request) -> dt::Awaitable<Response> {
    ++seen.calls;
    std::string body;
    int reads = 0;
    std::array<char, 1000> chunk;
    try {
      while (const auto n = co_await request.body_reader->read_some(chunk)) {
        body.append(chunk.data(), n);
        ++reads;
      }
    } catch (const dt::Problem&) {
      ++seen.problems;
      throw;
    }
    auto response = Response::text(200, body);
    response.headers.add("X-Reads", std::to_string(reads));
    co_return response;
  };
}

Router streaming_routes(Seen& seen) {
  Router r;
  r.add_streaming(Method::post, "/upload", kUploadLimit, echo_in_chunks(seen));
  r.add_streaming(Method::post, "/refuse", kUploadLimit, [&seen](Request&) -> dt::Awaitable<Response> {
    ++seen.calls;
    throw dt::Problem::forbidden("not for you");
    co_return Response::no_content();
  });
  r.add(Method::post, "/echo",
        [](Request& req) -> dt::Awaitable<Response> { co_return Response::text(200, req.body); });
  return r;
}

std::string post_head(const std::string& target, std::size_t length, const std::string& extra = "") {
  return "POST " + target + " HTTP/1.1\r\nHost: t\r\nContent-Length: " + std::to_string(length) + "\r\n" + extra +
         "\r\n";
}

std::string pattern(std::size_t size) {
  std::string s(size, '\0');
  for (std::size_t i = 0; i < size; ++i) s[i] = static_cast<char>('a' + i % 26);
  return s;
}

TEST(StreamingBody, TheHandlerReadsTheBodyInChunksAndTheConnectionStaysUsable) {
  Seen seen;
  ServerOptions options;
  options.body_limit = 1000;  // the streaming route has its own, larger limit
  TestServer server(streaming_routes(seen), options);
  RawClient client(server.port());
  const auto body = pattern(50'000);
  auto r = client.request("POST", "/upload", body);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->body, body);
  EXPECT_GE(std::stoi(r->header("x-reads")), 50);
  auto again = client.request("POST", "/echo", "same connection");
  ASSERT_TRUE(again);
  EXPECT_EQ(again->body, "same connection");
  EXPECT_EQ(server.server().connections(), 1u);
}

TEST(StreamingBody, AChunkedBodyArrivesWithoutItsFraming) {
  Seen seen;
  TestServer server(streaming_routes(seen));
  RawClient client(server.port());
  client.send("POST /upload HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n");
  client.send("5\r\nhello\r\n");
  client.send("1;ext=1\r\n \r\n6\r\nstream\r\n0\r\n\r\n");
  auto r = client.read_response();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->body, "hello stream");
}

TEST(StreamingBody, ADeclaredLengthOverTheRouteLimitIs413BeforeTheHandler) {
  Seen seen;
  TestServer server(streaming_routes(seen));
  RawClient client(server.port());
  client.send(post_head("/upload", kUploadLimit + 1));
  auto r = client.read_response();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 413);
  EXPECT_EQ(seen.calls.load(), 0);
}

TEST(StreamingBody, AChunkedBodyGrowingPastTheRouteLimitFailsTheReadWith413) {
  Seen seen;
  TestServer server(streaming_routes(seen));
  RawClient client(server.port());
  client.send("POST /upload HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n");
  const std::string chunk = pattern(30'000);
  for (int i = 0; i < 4; ++i) client.send("7530\r\n" + chunk + "\r\n");
  auto r = client.read_response();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 413);
  EXPECT_EQ(seen.problems.load(), 1);
  EXPECT_TRUE(client.closed_by_server());
}

TEST(StreamingBody, ABodyCutShortFailsTheReadWith400) {
  Seen seen;
  TestServer server(streaming_routes(seen));
  RawClient client(server.port());
  client.send(post_head("/upload", 50'000) + pattern(20'000));
  client.finish_sending();
  auto r = client.read_response();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 400);
  EXPECT_NE(r->body.find("ended before it was complete"), std::string::npos) << r->body;
  EXPECT_EQ(seen.problems.load(), 1);
}

TEST(StreamingBody, AHandlerThatAnswersWithoutReadingClosesTheConnectionAfterItsAnswer) {
  Seen seen;
  TestServer server(streaming_routes(seen));
  RawClient client(server.port());
  client.send(post_head("/refuse", 60'000) + pattern(60'000));
  auto r = client.read_response();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 403);
  EXPECT_EQ(r->header("connection"), "close");
  EXPECT_TRUE(client.closed_by_server());
}

TEST(StreamingBody, ExpectContinueIsAnsweredOnlyWhenTheHandlerReads) {
  Seen seen;
  TestServer server(streaming_routes(seen));
  RawClient refused(server.port());
  refused.send(post_head("/refuse", 10, "Expect: 100-continue\r\n"));
  auto no = refused.read_response(std::chrono::seconds(5), false, false);
  ASSERT_TRUE(no);
  EXPECT_EQ(no->status, 403) << "no 100 Continue for a body nobody reads";

  RawClient accepted(server.port());
  accepted.send(post_head("/upload", 5, "Expect: 100-continue\r\n"));
  auto interim = accepted.read_response(std::chrono::seconds(5), false, false);
  ASSERT_TRUE(interim);
  EXPECT_EQ(interim->status, 100);
  accepted.send("hello");
  auto done = accepted.read_response();
  ASSERT_TRUE(done);
  EXPECT_EQ(done->status, 200);
  EXPECT_EQ(done->body, "hello");
}

TEST(StreamingBody, ARequestWithoutABodyReadsNothing) {
  Seen seen;
  TestServer server(streaming_routes(seen));
  RawClient client(server.port());
  auto r = client.request("POST", "/upload");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->body, "");
  EXPECT_EQ(r->header("x-reads"), "0");
}

TEST(StreamingBody, OtherRoutesKeepTheServerLimit) {
  Seen seen;
  ServerOptions options;
  options.body_limit = 1000;
  TestServer server(streaming_routes(seen), options);
  RawClient client(server.port());
  auto r = client.request("POST", "/echo", pattern(5000));
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 413);
  RawClient chunked(server.port());
  chunked.send("POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n7d0\r\n" + pattern(2000) +
               "\r\n0\r\n\r\n");
  auto c = chunked.read_response();
  ASSERT_TRUE(c);
  EXPECT_EQ(c->status, 413);
}

}  // namespace
