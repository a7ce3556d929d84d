#include "http_client/detail/client_message.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

namespace {

using dt::http::ClientRequest;
using dt::http::detail::describe;
using dt::http::detail::to_beast_request;
namespace bhttp = boost::beast::http;

ClientRequest get(std::string target) {
  ClientRequest r;
  r.target = std::move(target);
  return r;
}

TEST(ClientMessage, AddsHostAndUserAgentOnly) {
  auto m = to_beast_request(get("/api/x?y=1"), "127.0.0.1", 8081);
  EXPECT_EQ(m.method(), bhttp::verb::get);
  EXPECT_EQ(m.target(), "/api/x?y=1");
  EXPECT_EQ(m.version(), 11u);
  EXPECT_EQ(m[bhttp::field::host], "127.0.0.1:8081");
  EXPECT_EQ(m[bhttp::field::user_agent], "drivetest-kit");
  EXPECT_EQ(std::distance(m.begin(), m.end()), 2) << "a bodiless GET carries no Content-Length";
}

TEST(ClientMessage, HostLeavesOutPort80AndBracketsIpv6) {
  EXPECT_EQ(to_beast_request(get("/"), "keycloak", 80)[bhttp::field::host], "keycloak");
  EXPECT_EQ(to_beast_request(get("/"), "::1", 9000)[bhttp::field::host], "[::1]:9000");
}

TEST(ClientMessage, TheCallersHostAndUserAgentWin) {
  auto r = get("/");
  r.headers.add("host", "auth.drivetest.local");
  r.headers.add("User-Agent", "gateway");
  r.headers.add("traceparent", "00-abc-def-01");
  auto m = to_beast_request(std::move(r), "127.0.0.1", 8080);
  EXPECT_EQ(m[bhttp::field::host], "auth.drivetest.local");
  EXPECT_EQ(m[bhttp::field::user_agent], "gateway");
  EXPECT_EQ(m["traceparent"], "00-abc-def-01");
  EXPECT_EQ(m.begin()->name_string(), "host") << "in the caller's order, as the caller spelt them";
}

TEST(ClientMessage, HostComesFirst) {
  auto r = get("/");
  r.headers.add("Accept", "application/json");
  auto m = to_beast_request(std::move(r), "127.0.0.1", 8080);
  std::vector<std::string> names;
  for (const auto& field : m) names.emplace_back(field.name_string());
  EXPECT_EQ(names, (std::vector<std::string>{"Host", "User-Agent", "Accept"}));
}

TEST(ClientMessage, FramesTheBodyItself) {
  ClientRequest r;
  r.method = "POST";
  r.target = "/echo";
  r.body = "hello";
  r.headers.add("Content-Length", "999");
  r.headers.add("Transfer-Encoding", "chunked");
  auto m = to_beast_request(std::move(r), "h", 80);
  EXPECT_EQ(m[bhttp::field::content_length], "5");
  EXPECT_EQ(m.count(bhttp::field::content_length), 1u);
  EXPECT_EQ(m.count(bhttp::field::transfer_encoding), 0u);
  ClientRequest empty_post;
  empty_post.method = "POST";
  EXPECT_EQ(to_beast_request(std::move(empty_post), "h", 80)[bhttp::field::content_length], "0");
}

TEST(ClientMessage, KeepsAnUnusualMethod) {
  ClientRequest r;
  r.method = "PROPFIND";
  EXPECT_EQ(to_beast_request(std::move(r), "h", 80).method_string(), "PROPFIND");
}

TEST(ClientMessage, RefusesWhatWouldCorruptTheRequest) {
  auto with_header = [](std::string name, std::string value) {
    auto r = get("/");
    r.headers.add(std::move(name), std::move(value));
    return r;
  };
  EXPECT_THROW(to_beast_request(with_header("X-Id", "a\r\nX-Admin: 1"), "h", 80), std::invalid_argument);
  EXPECT_THROW(to_beast_request(with_header("X Id", "a"), "h", 80), std::invalid_argument);
  EXPECT_THROW(to_beast_request(with_header("", "a"), "h", 80), std::invalid_argument);
  EXPECT_THROW(to_beast_request(get("/a b"), "h", 80), std::invalid_argument);
  EXPECT_THROW(to_beast_request(get("a"), "h", 80), std::invalid_argument);
  EXPECT_THROW(to_beast_request(get(""), "h", 80), std::invalid_argument);
  ClientRequest r;
  r.method = "GET /x HTTP/1.1\r\n";
  EXPECT_THROW(to_beast_request(std::move(r), "h", 80), std::invalid_argument);
}

TEST(ClientMessage, DescriptionsLeaveOutTheQuery) {
  EXPECT_EQ(describe("GET", "127.0.0.1", 8081, "/admin/users?token=secret"), "GET 127.0.0.1:8081/admin/users");
}

}  // namespace
