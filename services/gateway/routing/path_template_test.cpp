#include "gateway/routing/path_template.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

namespace {

using dt::gateway::routing::Captures;
using dt::gateway::routing::PathTemplate;

bool matches(const std::string& pattern, const std::string& path) {
  return PathTemplate::parse(pattern).match(path, nullptr);
}

TEST(PathTemplate, LiteralsMatchExactly) {
  EXPECT_TRUE(matches("/api/catalog/jurisdictions", "/api/catalog/jurisdictions"));
  EXPECT_FALSE(matches("/api/catalog/jurisdictions", "/api/catalog/jurisdictions/x"));
  EXPECT_FALSE(matches("/api/catalog/jurisdictions", "/api/catalog"));
  EXPECT_FALSE(matches("/api/catalog/jurisdictions", "/api/catalog/Jurisdictions"));
  EXPECT_FALSE(matches("/api/catalog/jurisdictions", "/api/catalog/jurisdictions/"));
  EXPECT_TRUE(matches("/", "/"));
  EXPECT_FALSE(matches("/", "/x"));
}

TEST(PathTemplate, VariablesTakeOneNonEmptySegment) {
  Captures captures;
  EXPECT_TRUE(PathTemplate::parse("/exams/{id}/answers/{position}").match("/exams/a%20b/answers/3", &captures));
  ASSERT_EQ(captures.size(), 2u);
  EXPECT_EQ(captures[0], (std::pair<std::string, std::string>{"id", "a%20b"}));
  EXPECT_EQ(captures[1], (std::pair<std::string, std::string>{"position", "3"}));
  EXPECT_FALSE(matches("/exams/{id}", "/exams/"));
  EXPECT_FALSE(matches("/exams/{id}", "/exams/1/2"));
}

TEST(PathTemplate, DoubleStarTakesTheRestIncludingNothing) {
  Captures captures;
  EXPECT_TRUE(PathTemplate::parse("/api/me/{**rest}").match("/api/me/bookmarks/7", &captures));
  EXPECT_EQ(captures.at(0).second, "bookmarks/7");
  EXPECT_TRUE(matches("/api/me/**", "/api/me"));
  EXPECT_TRUE(matches("/api/me/**", "/api/me/"));
  EXPECT_FALSE(matches("/api/me/**", "/api/mex"));
  EXPECT_FALSE(matches("/api/me/**", "/api"));
}

TEST(PathTemplate, RendersADownstreamPath) {
  const auto upstream = PathTemplate::parse("/api/v2/{kind}/{**rest}");
  Captures captures;
  ASSERT_TRUE(upstream.match("/api/v2/exams/a/b", &captures));
  EXPECT_EQ(PathTemplate::parse("/internal/{kind}/x/{**rest}").render(captures), "/internal/exams/x/a/b");
  Captures empty_rest;
  ASSERT_TRUE(upstream.match("/api/v2/exams", &empty_rest));
  EXPECT_EQ(PathTemplate::parse("/internal/{kind}/{**rest}").render(empty_rest), "/internal/exams");
  EXPECT_THROW(PathTemplate::parse("/x/{other}").render(captures), std::logic_error);
}

TEST(PathTemplate, RefusesMalformedTemplates) {
  EXPECT_THROW(PathTemplate::parse(""), std::invalid_argument);
  EXPECT_THROW(PathTemplate::parse("api"), std::invalid_argument);
  EXPECT_THROW(PathTemplate::parse("/a//b"), std::invalid_argument);
  EXPECT_THROW(PathTemplate::parse("/a/"), std::invalid_argument);
  EXPECT_THROW(PathTemplate::parse("/a/**/b"), std::invalid_argument);
  EXPECT_THROW(PathTemplate::parse("/a/{id"), std::invalid_argument);
  EXPECT_THROW(PathTemplate::parse("/a/{1d}"), std::invalid_argument);
  EXPECT_THROW(PathTemplate::parse("/a/{id}/{id}"), std::invalid_argument);
  EXPECT_THROW(PathTemplate::parse("/a/b*"), std::invalid_argument);
  EXPECT_THROW(PathTemplate::parse("/a/%41"), std::invalid_argument);
}

TEST(PathTemplate, ShapesIgnoreVariableNames) {
  EXPECT_EQ(PathTemplate::parse("/a/{id}/{**rest}").shape(), "/a/{}/**");
  EXPECT_EQ(PathTemplate::parse("/a/{key}/**").shape(), "/a/{}/**");
  EXPECT_EQ(PathTemplate::parse("/").shape(), "/");
}

TEST(PathTemplate, LiteralsBeatVariablesBeatTheEndBeatsDoubleStar) {
  const auto literal = PathTemplate::parse("/api/catalog/me/history");
  const auto variable = PathTemplate::parse("/api/catalog/me/{x}");
  const auto me_rest = PathTemplate::parse("/api/catalog/me/**");
  const auto catalog_rest = PathTemplate::parse("/api/catalog/**");
  const auto me = PathTemplate::parse("/api/catalog/me");
  EXPECT_TRUE(literal.more_specific_than(variable));
  EXPECT_TRUE(variable.more_specific_than(me_rest));
  EXPECT_TRUE(me_rest.more_specific_than(catalog_rest));
  EXPECT_TRUE(me.more_specific_than(me_rest));
  EXPECT_FALSE(variable.more_specific_than(literal));
  EXPECT_FALSE(me_rest.more_specific_than(PathTemplate::parse("/api/catalog/me/{**rest}")));
}

}  // namespace
