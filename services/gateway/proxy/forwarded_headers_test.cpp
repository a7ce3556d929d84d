#include "gateway/proxy/forwarded_headers.hpp"

#include <gtest/gtest.h>

namespace {

using dt::gateway::proxy::client_response_headers;
using dt::gateway::proxy::downstream_request_headers;
using dt::gateway::proxy::ForwardContext;
using dt::http::Headers;

Headers incoming() {
  Headers h;
  h.add("Host", "drivetest.example");
  h.add("Authorization", "Bearer abc");
  h.add("Content-Type", "application/json");
  h.add("Content-Length", "12");
  h.add("Connection", "keep-alive, X-Secret-Hop");
  h.add("X-Secret-Hop", "1");
  h.add("Keep-Alive", "timeout=5");
  h.add("Transfer-Encoding", "chunked");
  h.add("Upgrade", "websocket");
  h.add("TE", "trailers");
  h.add("Proxy-Authorization", "Basic x");
  h.add("Expect", "100-continue");
  h.add("X-DT-User-Id", "admin-spoofed");
  h.add("x-dt-roles", "admin");
  h.add("X-Dt-Anything", "x");
  h.add("X-Forwarded-For", "203.0.113.9");
  h.add("X-Forwarded-Proto", "https");
  h.add("X-Request-Id", "client-id");
  h.add("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
  h.add("tracestate", "vendor=1");
  h.add("Accept-Language", "vi");
  return h;
}

ForwardContext context(const dt::http::Principal* principal) {
  return ForwardContext{.request_id = "req-1",
                        .client_ip = "10.0.0.7",
                        .traceparent = "00-0af7651916cd43dd8448eb211c80319c-00f067aa0ba902b7-01",
                        .trace_continued = true,
                        .principal = principal};
}

TEST(ForwardedHeaders, KeepsEndToEndHeadersAndDropsHopByHopOnes) {
  const auto out = downstream_request_headers(incoming(), context(nullptr));
  EXPECT_EQ(out.get("Authorization"), "Bearer abc");
  EXPECT_EQ(out.get("Content-Type"), "application/json");
  EXPECT_EQ(out.get("Accept-Language"), "vi");
  EXPECT_EQ(out.get("tracestate"), "vendor=1");
  for (const char* gone : {"Host", "Content-Length", "Connection", "X-Secret-Hop", "Keep-Alive", "Transfer-Encoding",
                           "Upgrade", "TE", "Proxy-Authorization", "Expect"}) {
    EXPECT_FALSE(out.contains(gone)) << gone;
  }
}

TEST(ForwardedHeaders, SetsWhatTheGatewayVouchesFor) {
  const auto out = downstream_request_headers(incoming(), context(nullptr));
  EXPECT_EQ(out.get("X-Forwarded-For"), "203.0.113.9, 10.0.0.7");
  EXPECT_EQ(out.get("X-Forwarded-Proto"), "http");
  EXPECT_EQ(out.get("X-Forwarded-Host"), "drivetest.example");
  EXPECT_EQ(out.get("X-Request-Id"), "req-1");
  EXPECT_EQ(out.get("traceparent"), "00-0af7651916cd43dd8448eb211c80319c-00f067aa0ba902b7-01");
  std::size_t request_ids = 0;
  for (const auto& [name, value] : out.entries()) request_ids += dt::http::iequals(name, "X-Request-Id");
  EXPECT_EQ(request_ids, 1u);
}

TEST(ForwardedHeaders, IdentityHeadersComeOnlyFromTheVerifiedToken) {
  const auto anonymous = downstream_request_headers(incoming(), context(nullptr));
  for (const auto& [name, value] : anonymous.entries()) {
    EXPECT_FALSE(dt::gateway::proxy::is_identity_header(name)) << name << ": " << value;
  }
  dt::http::Principal principal;
  principal.subject = "user-42";
  principal.roles = {"learner", "admin"};
  const auto signed_in = downstream_request_headers(incoming(), context(&principal));
  EXPECT_EQ(signed_in.get("X-DT-User-Id"), "user-42");
  EXPECT_EQ(signed_in.get("X-DT-Roles"), "learner,admin");
  EXPECT_FALSE(signed_in.contains("X-Dt-Anything"));
}

TEST(ForwardedHeaders, ANewTraceDropsTheClientsTracestate) {
  auto ctx = context(nullptr);
  ctx.trace_continued = false;
  EXPECT_FALSE(downstream_request_headers(incoming(), ctx).contains("tracestate"));
}

TEST(ForwardedHeaders, ResponsesLoseHopByHopHeadersAndFraming) {
  Headers from;
  from.add("Content-Type", "application/json");
  from.add("Content-Length", "10");
  from.add("Transfer-Encoding", "chunked");
  from.add("Connection", "close, X-Internal");
  from.add("X-Internal", "1");
  from.add("Date", "Mon, 01 Jan 2024 00:00:00 GMT");
  from.add("Location", "/api/catalog/exams/1");
  from.add("Set-Cookie", "a=1");
  const auto out = client_response_headers(from);
  EXPECT_EQ(out.get("Content-Type"), "application/json");
  EXPECT_EQ(out.get("Location"), "/api/catalog/exams/1");
  EXPECT_EQ(out.get("Set-Cookie"), "a=1");
  for (const char* gone : {"Content-Length", "Transfer-Encoding", "Connection", "X-Internal", "Date"}) {
    EXPECT_FALSE(out.contains(gone)) << gone;
  }
}

}  // namespace
