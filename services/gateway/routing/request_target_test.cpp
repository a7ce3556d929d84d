#include "gateway/routing/request_target.hpp"

#include <gtest/gtest.h>

namespace {

using dt::gateway::routing::check_request_target;

TEST(RequestTarget, AcceptsOrdinaryTargets) {
  EXPECT_EQ(check_request_target("/"), std::nullopt);
  EXPECT_EQ(check_request_target("/api/catalog/exams/3f2a/answers/1"), std::nullopt);
  EXPECT_EQ(check_request_target("/api/catalog/search?q=%C4%91%C6%B0%E1%BB%9Dng&page=2"), std::nullopt);
  EXPECT_EQ(check_request_target("/api/files/a%20b.png"), std::nullopt);
  EXPECT_EQ(check_request_target("/api/catalog/me/"), std::nullopt);
  EXPECT_EQ(check_request_target("/assets/index-4f3a.js"), std::nullopt);
  EXPECT_EQ(check_request_target("/api/x?next=%2Fhome"), std::nullopt);  // an encoded '/' is fine in the query
}

TEST(RequestTarget, RefusesWhatCouldMakeAServiceSeeAnotherPath) {
  EXPECT_EQ(check_request_target("/api/catalog/../account/admin/users"), "the path holds a '.' or '..' segment");
  EXPECT_EQ(check_request_target("/api/./catalog"), "the path holds a '.' or '..' segment");
  EXPECT_EQ(check_request_target("/api/catalog/.."), "the path holds a '.' or '..' segment");
  EXPECT_EQ(check_request_target("/api/catalog/%2e%2e/account"), "the path encodes '.', which needs no encoding");
  EXPECT_EQ(check_request_target("/api/catalog/%61dmin/users"), "the path encodes 'a', which needs no encoding");
  EXPECT_EQ(check_request_target("/api/catalog%2Fadmin"), "the path holds an encoded '/' or '\\'");
  EXPECT_EQ(check_request_target("/api/catalog%5cadmin"), "the path holds an encoded '/' or '\\'");
  EXPECT_EQ(check_request_target("/api\\catalog"), "the path holds a backslash");
  EXPECT_EQ(check_request_target("/api//catalog"), "the path holds an empty segment (\"//\")");
  EXPECT_EQ(check_request_target("/api/x%00.png"), "the path holds an encoded NUL (%00)");
  EXPECT_EQ(check_request_target("/api/x%4"), "the path holds a malformed percent escape");
  EXPECT_EQ(check_request_target("/api/x%G1"), "the path holds a malformed percent escape");
  EXPECT_EQ(check_request_target("/api/x?q=%"), "the query holds a malformed percent escape");
  EXPECT_EQ(check_request_target("/api/x?q=%00"), "the query holds an encoded NUL (%00)");
  EXPECT_EQ(check_request_target("/api/x#frag"), "the request target holds a fragment ('#')");
  EXPECT_EQ(check_request_target(std::string("/api/x\x01y")), "the path holds a space or a control character");
  EXPECT_EQ(check_request_target("http://evil/api"), "the request target must start with '/'");
  EXPECT_EQ(check_request_target("*"), "the request target must start with '/'");
}

}  // namespace
