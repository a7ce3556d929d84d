// The server over real TCP: keep-alive, pipelining, routing errors, HEAD, limits, problem responses.
#include "http/server.hpp"

#include <gtest/gtest.h>

#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/json/parse.hpp>

#include <chrono>
#include <thread>

#include "http/test_support/raw_client.hpp"
#include "http/test_support/test_server.hpp"

namespace {

using namespace dt::http;
using dt::http::testing::RawClient;
using dt::http::testing::TestServer;

Router sample_routes() {
  Router r;
  r.add(Method::get, "/hello",
        [](Request&) -> dt::Awaitable<Response> { co_return Response::json_text(200, R"({"hello":"world"})"); });
  r.add(Method::post, "/echo", [](Request& req) -> dt::Awaitable<Response> {
    co_return Response::text(200, req.body, std::string(req.header("Content-Type")));
  });
  r.add(Method::get, "/items/{id}",
        [](Request& req) -> dt::Awaitable<Response> { co_return Response::text(200, "item " + req.param("id")); });
  r.add(Method::get, "/boom", [](Request&) -> dt::Awaitable<Response> {
    throw std::runtime_error("database exploded");
    co_return Response::no_content();
  });
  r.add(Method::get, "/slow", [](Request&) -> dt::Awaitable<Response> {
    boost::asio::steady_timer t(co_await boost::asio::this_coro::executor, std::chrono::milliseconds(300));
    co_await t.async_wait(boost::asio::use_awaitable);
    co_return Response::text(200, "slow");
  });
  return r;
}

TEST(Server, AnswersAndKeepsTheConnectionAlive) {
  TestServer server(sample_routes());
  RawClient client(server.port());
  for (int i = 0; i < 3; ++i) {
    auto r = client.request("GET", "/hello");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 200);
    EXPECT_EQ(r->body, R"({"hello":"world"})");
    EXPECT_EQ(r->header("content-type"), "application/json");
    EXPECT_EQ(r->header("x-request-id").size(), 32u);
    EXPECT_FALSE(r->header("date").empty());
  }
  EXPECT_EQ(server.server().connections(), 1u);
}

TEST(Server, AnswersPipelinedRequestsInOrder) {
  TestServer server(sample_routes());
  RawClient client(server.port());
  std::string batch;
  for (int i = 0; i < 5; ++i) batch += "GET /items/" + std::to_string(i) + " HTTP/1.1\r\nHost: t\r\n\r\n";
  client.send(batch);
  for (int i = 0; i < 5; ++i) {
    auto r = client.read_response();
    ASSERT_TRUE(r);
    EXPECT_EQ(r->body, "item " + std::to_string(i));
  }
}

TEST(Server, ParsesARequestThatArrivesInPieces) {
  TestServer server(sample_routes());
  RawClient client(server.port());
  const std::string body = "{\"answer\":\"b\"}";
  const std::string request = "POST /echo HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\nContent-Length: " +
                              std::to_string(body.size()) + "\r\n\r\n" + body;
  for (char c : request) {
    client.send(std::string(1, c));
    std::this_thread::sleep_for(std::chrono::microseconds(200));
  }
  auto r = client.read_response();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->body, body);
}

TEST(Server, AChunkedBodyIsReadWholeAndTheNextRequestFollows) {
  TestServer server(sample_routes());
  RawClient client(server.port());
  client.send("POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n");
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  client.send("6\r\n world\r\n0\r\n\r\nGET /items/7 HTTP/1.1\r\nHost: t\r\n\r\n");
  auto echoed = client.read_response();
  ASSERT_TRUE(echoed);
  EXPECT_EQ(echoed->body, "hello world");
  auto next = client.read_response();
  ASSERT_TRUE(next);
  EXPECT_EQ(next->body, "item 7");
}

TEST(Server, EchoesABody) {
  TestServer server(sample_routes());
  RawClient client(server.port());
  const std::string body = "Câu hỏi điểm liệt " + std::string(100000, 'x');
  auto r = client.request("POST", "/echo", body, "Content-Type: text/plain\r\n");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->body, body);
}

TEST(Server, SupportsExpectContinue) {
  TestServer server(sample_routes());
  RawClient client(server.port());
  client.send("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n");
  auto interim = client.read_response(std::chrono::seconds(5), false, false);
  ASSERT_TRUE(interim);
  EXPECT_EQ(interim->status, 100);
  client.send("hello");
  auto final_response = client.read_response();
  ASSERT_TRUE(final_response);
  EXPECT_EQ(final_response->status, 200);
  EXPECT_EQ(final_response->body, "hello");
}

TEST(Server, RoutingErrorsAreProblems) {
  TestServer server(sample_routes());
  RawClient client(server.port());
  auto missing = client.request("GET", "/nope");
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->status, 404);
  EXPECT_EQ(missing->header("content-type"), "application/problem+json");
  auto wrong = client.request("DELETE", "/hello");
  ASSERT_TRUE(wrong);
  EXPECT_EQ(wrong->status, 405);
  EXPECT_EQ(wrong->header("allow"), "GET");
  auto doc = boost::json::parse(wrong->body).as_object();
  EXPECT_EQ(doc.at("status").as_int64(), 405);
}

TEST(Server, AHandlerExceptionIsA500ThatKeepsTheServerUp) {
  TestServer server(sample_routes());
  RawClient client(server.port());
  auto r = client.request("GET", "/boom");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 500);
  EXPECT_EQ(r->body.find("exploded"), std::string::npos);
  auto after = client.request("GET", "/hello");
  ASSERT_TRUE(after);
  EXPECT_EQ(after->status, 200);
}

TEST(Server, HeadHasHeadersButNoBody) {
  TestServer server(sample_routes());
  RawClient client(server.port());
  auto r = client.request("HEAD", "/hello");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->header("content-length"), "17");
  auto next = client.request("GET", "/items/1");
  ASSERT_TRUE(next);
  EXPECT_EQ(next->body, "item 1") << "no stray body bytes after HEAD";
}

TEST(Server, Http10ClosesUnlessKeepAliveIsAsked) {
  TestServer server(sample_routes());
  RawClient client(server.port());
  client.send("GET /hello HTTP/1.0\r\n\r\n");
  auto r = client.read_response();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_TRUE(client.closed_by_server());
}

TEST(Server, RejectsABodyOverTheLimitWith413) {
  ServerOptions options;
  options.body_limit = 1000;
  TestServer server(sample_routes(), options);
  RawClient client(server.port());
  auto r = client.request("POST", "/echo", std::string(5000, 'x'));
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 413);
  EXPECT_EQ(r->header("content-type"), "application/problem+json");
  RawClient other(server.port());
  auto ok = other.request("POST", "/echo", std::string(999, 'x'));
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->status, 200);
}

TEST(Server, RejectsAHeadOverTheLimitWith431) {
  ServerOptions options;
  options.header_limit = 2048;
  TestServer server(sample_routes(), options);
  RawClient client(server.port());
  auto r = client.request("GET", "/hello", "", "X-Big: " + std::string(4096, 'a') + "\r\n");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 431);
}

TEST(Server, ServesMetricsOfEachRoute) {
  TestServer server(sample_routes());
  RawClient client(server.port());
  client.request("GET", "/items/1");
  client.request("GET", "/missing");
  const auto text = server.metrics().render();
  EXPECT_NE(text.find("dt_http_requests_total{route=\"GET /items/{id}\",status=\"200\"} 1"), std::string::npos) << text;
  EXPECT_NE(text.find("dt_http_requests_total{route=\"unmatched\",status=\"404\"} 1"), std::string::npos) << text;
}

TEST(Server, ServesManyClientsAtOnce) {
  TestServer server(sample_routes());
  std::vector<std::thread> threads;
  std::atomic<int> ok{0};
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&] {
      RawClient client(server.port());
      for (int i = 0; i < 50; ++i) {
        auto r = client.request("GET", "/items/" + std::to_string(i));
        if (r && r->status == 200 && r->body == "item " + std::to_string(i)) ++ok;
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(ok.load(), 400);
}

}  // namespace
