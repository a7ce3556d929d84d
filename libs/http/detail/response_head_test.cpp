#include "http/detail/response_head.hpp"

#include <gtest/gtest.h>

namespace {

using dt::http::Response;
using dt::http::detail::response_has_body;
using dt::http::detail::ResponseFraming;
using dt::http::detail::write_response_head;

std::string head_of(const Response& response, ResponseFraming framing = {}) {
  std::string out;
  write_response_head(response, framing, out);
  return out;
}

// The head with the value of its Date line replaced by "D" (checked to look like an IMF-fixdate), so that it
// can be compared whole.
std::string without_date(std::string head) {
  const auto at = head.find("Date: ");
  if (at == std::string::npos) return head;
  const auto value = at + 6;
  const auto end = head.find("\r\n", value);
  const std::string date = head.substr(value, end - value);
  EXPECT_EQ(date.size(), 29u) << date;
  EXPECT_TRUE(date.ends_with(" GMT")) << date;
  return head.replace(value, end - value, "D");
}

TEST(ResponseHead, StatusLineHeadersDateAndLength) {
  auto response = Response::json_text(200, R"({"ok":true})");
  EXPECT_EQ(without_date(head_of(response)),
            "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nDate: D\r\nContent-Length: 11\r\n\r\n");
}

TEST(ResponseHead, ReasonPhraseOfEachKnownStatusAndNoneForAnUnknownOne) {
  Response response;
  response.status = 429;
  EXPECT_TRUE(head_of(response).starts_with("HTTP/1.1 429 Too Many Requests\r\n"));
  response.status = 477;
  EXPECT_TRUE(head_of(response).starts_with("HTTP/1.1 477 \r\n"));
}

TEST(ResponseHead, TheServerOwnsFramingHeaders) {
  auto response = Response::text(200, "four");
  response.headers.add("content-length", "999");
  response.headers.add("Transfer-Encoding", "chunked");
  response.headers.add("Connection", "upgrade");
  response.headers.add("Keep-Alive", "timeout=1");
  response.headers.add("date", "yesterday");
  response.headers.add("X-Kept", "yes");
  const auto head = without_date(head_of(response));
  EXPECT_EQ(head,
            "HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=utf-8\r\nX-Kept: yes\r\nDate: D\r\n"
            "Content-Length: 4\r\n\r\n");
}

TEST(ResponseHead, HeadersThatWouldSplitTheResponseAreDropped) {
  Response response;
  response.headers.add("X-Evil", "a\r\nSet-Cookie: admin=1");
  response.headers.add("X-Nul", std::string("a\0b", 3));
  response.headers.add("Bad Name", "v");
  response.headers.add("", "v");
  response.headers.add("X-Good", "v");
  const auto head = head_of(response);
  EXPECT_EQ(head.find("Set-Cookie"), std::string::npos);
  EXPECT_EQ(head.find("X-Evil"), std::string::npos);
  EXPECT_EQ(head.find("X-Nul"), std::string::npos);
  EXPECT_EQ(head.find("Bad Name"), std::string::npos);
  EXPECT_NE(head.find("X-Good: v\r\n"), std::string::npos);
}

TEST(ResponseHead, ConnectionHeaderFollowsVersionAndKeepAlive) {
  Response response;
  EXPECT_EQ(head_of(response, {.version = 11, .keep_alive = true}).find("Connection"), std::string::npos);
  EXPECT_NE(head_of(response, {.version = 11, .keep_alive = false}).find("Connection: close\r\n"), std::string::npos);
  EXPECT_TRUE(head_of(response, {.version = 10, .keep_alive = true}).starts_with("HTTP/1.0 200 OK\r\n"));
  EXPECT_NE(head_of(response, {.version = 10, .keep_alive = true}).find("Connection: keep-alive\r\n"),
            std::string::npos);
  EXPECT_EQ(head_of(response, {.version = 10, .keep_alive = false}).find("Connection"), std::string::npos);
}

TEST(ResponseHead, HeadRequestGetsTheLengthOfTheBodyItDoesNotGet) {
  auto response = Response::text(200, "twelve bytes");
  EXPECT_NE(head_of(response, {.head_request = true}).find("Content-Length: 12\r\n"), std::string::npos);
  EXPECT_FALSE(response_has_body(200, true));
  EXPECT_TRUE(response_has_body(200, false));
}

TEST(ResponseHead, HeadWithoutABodyKeepsTheLengthTheHandlerStated) {
  Response response;
  response.headers.add("Content-Length", "5120");
  EXPECT_NE(head_of(response, {.head_request = true}).find("Content-Length: 5120\r\n"), std::string::npos);
  EXPECT_NE(head_of(response).find("Content-Length: 0\r\n"), std::string::npos) << "not for GET";
  response.headers.set("Content-Length", "12, 12");
  EXPECT_NE(head_of(response, {.head_request = true}).find("Content-Length: 0\r\n"), std::string::npos);
}

TEST(ResponseHead, NoContentNotModifiedAndInformationalCarryNoLengthAndNoBody) {
  for (int status : {101, 204, 304}) {
    Response response;
    response.status = status;
    EXPECT_EQ(head_of(response).find("Content-Length"), std::string::npos) << status;
    EXPECT_FALSE(response_has_body(status, false)) << status;
  }
  Response empty;
  EXPECT_NE(head_of(empty).find("Content-Length: 0\r\n"), std::string::npos);
}

}  // namespace
