#include "catalog/io/reference_json.hpp"

#include <gtest/gtest.h>

#include "catalog/io/io_test_support.hpp"

namespace {

using namespace dt::catalog;
using namespace dt::catalog::io;
using iotest::parse;
using iotest::problem_field;

TEST(ReferenceJson, RoundTrips) {
  const BankDocument d = iotest::small_bank();
  EXPECT_TRUE(same(jurisdiction_from_json(jurisdiction_to_json(d.jurisdictions[0]), ""), d.jurisdictions[0]));
  EXPECT_TRUE(same(topic_from_json(topic_to_json(d.topics[1]), ""), d.topics[1]));
  EXPECT_TRUE(same(licence_class_from_json(licence_class_to_json(d.licence_classes[0]), ""), d.licence_classes[0]));
  EXPECT_FALSE(same(d.topics[0], d.topics[1]));
}

TEST(ReferenceJson, MistakesNameTheirField) {
  EXPECT_EQ(problem_field(
                [] { jurisdiction_from_json(parse(R"({"code": "v n", "name": {"vi": "x"}})"), "jurisdictions[0]"); }),
            "jurisdictions[0].code");
  EXPECT_EQ(problem_field([] { jurisdiction_from_json(parse(R"({"code": "vn"})"), "jurisdictions[0]"); }),
            "jurisdictions[0].name");
  EXPECT_EQ(problem_field([] { jurisdiction_from_json(parse(R"({"code": "vn", "name": {}})"), "j"); }), "j.name");
  EXPECT_EQ(problem_field([] { jurisdiction_from_json(parse(R"({"code": "vn", "name": {"en": " "}})"), "j"); }),
            "j.name.en");
  EXPECT_EQ(problem_field([] {
              topic_from_json(parse(R"({"code": "vn.1", "jurisdiction": "vn", "name": {"vi": "x"}})"), "topics[3]");
            }),
            "topics[3].ordinal");
  EXPECT_EQ(problem_field([] {
              topic_from_json(parse(R"({"code": "vn.1", "jurisdiction": "vn", "ordinal": -1, "name": {"vi": "x"}})"),
                              "t");
            }),
            "t.ordinal");
  EXPECT_EQ(problem_field([] {
              licence_class_from_json(parse(R"({"code": "B", "jurisdiction": "vn", "name": {"vi": "x"}, "seats": 9})"),
                                      "c");
            }),
            "c.seats");
}

}  // namespace
