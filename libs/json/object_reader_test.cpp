#include "json/object_reader.hpp"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

#include "errors/problem.hpp"

namespace {

using dt::json::ObjectReader;

std::string field_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const dt::Problem& p) {
    EXPECT_EQ(p.status(), 400);
    for (const auto& [k, v] : p.extensions())
      if (k == "field") return v;
    return "<no field>";
  }
  return "<no error>";
}

TEST(ObjectReader, ReadsTypedMembers) {
  auto v = boost::json::parse(R"({"s":"Biển báo","i":42,"d":2.5,"b":true,"o":{"x":"y"},"a":["p","q"]})");
  ObjectReader in(v);
  EXPECT_EQ(in.string("s"), "Biển báo");
  EXPECT_EQ(in.integer("i"), 42);
  EXPECT_EQ(in.number("d"), 2.5);
  EXPECT_TRUE(in.boolean("b"));
  EXPECT_EQ(in.object("o").string("x"), "y");
  EXPECT_EQ(in.string_array("a"), (std::vector<std::string>{"p", "q"}));
  EXPECT_FALSE(in.optional_string("missing").has_value());
  EXPECT_EQ(in.integer("i", {.min = 0, .max = 100}), 42);
}

TEST(ObjectReader, NamesTheOffendingField) {
  auto v = boost::json::parse(R"({"s":5,"i":"x","o":{"deep":[1]},"list":[{"id":1},{"id":"two"}],"big":1e300})");
  ObjectReader in(v);
  EXPECT_EQ(field_of([&] { in.string("s"); }), "s");
  EXPECT_EQ(field_of([&] { in.integer("i"); }), "i");
  EXPECT_EQ(field_of([&] { in.string("absent"); }), "absent");
  EXPECT_EQ(field_of([&] { in.object("o").string("deep"); }), "o.deep");
  EXPECT_EQ(field_of([&] { in.integer("big"); }), "big");
  const auto& list = in.array("list");
  EXPECT_EQ(ObjectReader::element(list, 0, "list").integer("id"), 1);
  EXPECT_EQ(field_of([&] { ObjectReader::element(list, 1, "list").integer("id"); }), "list[1].id");
  EXPECT_EQ(field_of([&] { in.string_array("list"); }), "list[0]");
}

TEST(ObjectReader, EnforcesLimits) {
  auto v = boost::json::parse(R"({"name":"ấấấ","n":101,"items":[1,2,3]})");
  ObjectReader in(v);
  EXPECT_EQ(in.string("name", {.max_length = 3}), "ấấấ") << "limits count characters, not bytes";
  EXPECT_EQ(field_of([&] { in.string("name", {.max_length = 2}); }), "name");
  EXPECT_EQ(field_of([&] { in.string("name", {.min_length = 4}); }), "name");
  EXPECT_EQ(field_of([&] { in.integer("n", {.min = 1, .max = 100}); }), "n");
  EXPECT_EQ(field_of([&] { in.array("items", 2); }), "items");
}

TEST(ObjectReader, RejectsNonObjectsAndUnknownMembers) {
  auto arr = boost::json::parse("[1]");
  EXPECT_EQ(field_of([&] { ObjectReader r(arr); }), "body");
  auto v = boost::json::parse(R"({"username":"a","pasword":"x"})");
  EXPECT_EQ(field_of([&] { ObjectReader(v).reject_unknown({"username", "password"}); }), "pasword");
}

TEST(ObjectReader, TreatsNullAsAbsent) {
  auto v = boost::json::parse(R"({"x":null})");
  ObjectReader in(v);
  EXPECT_FALSE(in.has("x"));
  EXPECT_FALSE(in.optional_integer("x").has_value());
  EXPECT_EQ(field_of([&] { in.integer("x"); }), "x");
}

}  // namespace
