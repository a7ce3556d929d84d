#include "catalog/io/blueprint_json.hpp"

#include <gtest/gtest.h>

#include <boost/json/serialize.hpp>

#include "catalog/domain/test_bank.hpp"
#include "catalog/io/io_test_support.hpp"

namespace {

using namespace dt::catalog;
using namespace dt::catalog::io;
using iotest::parse;
using iotest::problem_field;

boost::json::object with(std::string_view name, std::string_view value) {
  boost::json::object doc = blueprint_to_json(iotest::small_blueprint());
  if (value == "<remove>") {
    doc.erase(name);
  } else {
    doc[name] = parse(value);
  }
  return doc;
}

std::string field_of(const boost::json::value& doc) {
  return problem_field([&] { blueprint_from_json(doc, "blueprints[2]"); });
}

TEST(BlueprintJson, RoundTripsEveryFixtureBlueprint) {
  std::vector<Blueprint> all = fixtures::vn_2025_blueprints();
  for (const Blueprint& b : fixtures::vn_2020_blueprints()) all.push_back(b);
  all.push_back(fixtures::uk_car());
  all.push_back(fixtures::de_class_b());
  all.push_back(iotest::small_blueprint());
  for (const Blueprint& b : all) {
    const std::string text = boost::json::serialize(blueprint_to_json(b));
    ASSERT_EQ(blueprint_from_json(parse(text), ""), b) << text;
  }
}

TEST(BlueprintJson, WritesTheFormat) {
  Blueprint b = fixtures::vn_2025("B");
  const boost::json::object doc = blueprint_to_json(b);
  EXPECT_EQ(doc.at("valid_from"), "2025-06-01");
  EXPECT_EQ(doc.at("valid_to"), nullptr);
  EXPECT_EQ(doc.at("pool"), nullptr);
  EXPECT_EQ(doc.at("time_limit_seconds"), b.time_limit.count());
  EXPECT_EQ(doc.at("scoring").at("policy"), "count_correct");
  EXPECT_FALSE(doc.at("quotas").at(0).as_object().contains("weight"));
  const boost::json::object de = blueprint_to_json(fixtures::de_class_b());
  EXPECT_EQ(de.at("scoring").at("policy"), "error_points");
  EXPECT_EQ(blueprint_to_json(iotest::small_blueprint()).at("quotas").at(1).at("weight"), 3);
}

TEST(BlueprintJson, ReadsTheFormatsExample) {
  const Blueprint b = blueprint_from_json(parse(R"({
    "code": "vn-2020-B2", "jurisdiction": "vn", "licence_class": "B2", "version": 1,
    "valid_from": "2020-08-01", "valid_to": "2025-06-01", "question_count": 35, "time_limit_seconds": 1320,
    "pool": "vn-b", "quotas": [{"topics": ["vn.1"], "count": 9}, {"topics": ["vn.3", "vn.4"], "count": 25, "weight": 1}],
    "critical": {"count": 1, "fail_on_wrong": true},
    "scoring": {"policy": "error_points", "max_error_points": 10, "max_weight_wrong_limit": 2},
    "navigation": {"flag": false, "revisit": true}})"),
                                          "");
  EXPECT_EQ(b.valid_to, make_date(2025, 6, 1));
  EXPECT_EQ(b.pool, "vn-b");
  EXPECT_EQ(b.quotas[1].weight, 1);
  EXPECT_EQ(std::get<ErrorPoints>(b.scoring), (ErrorPoints{10, 2, 0}));
  EXPECT_FALSE(b.navigation.flag);
}

TEST(BlueprintJson, CriticalAndNavigationDefault) {
  boost::json::object doc = with("critical", "<remove>");
  doc.erase("navigation");
  doc["question_count"] = 2;
  const Blueprint b = blueprint_from_json(doc, "");
  EXPECT_EQ(b.critical, (CriticalRule{0, false}));
  EXPECT_EQ(b.navigation, (Navigation{true, true}));
}

TEST(BlueprintJson, EveryStructuralMistakeNamesItsField) {
  EXPECT_EQ(field_of(with("code", "<remove>")), "blueprints[2].code");
  EXPECT_EQ(field_of(with("version", R"("1")")), "blueprints[2].version");
  EXPECT_EQ(field_of(with("valid_from", R"("2025-02-29")")), "blueprints[2].valid_from");
  EXPECT_EQ(field_of(with("valid_from", R"("01/06/2025")")), "blueprints[2].valid_from");
  EXPECT_EQ(field_of(with("valid_to", "20250601")), "blueprints[2].valid_to");
  EXPECT_EQ(field_of(with("time_limit_seconds", "12.5")), "blueprints[2].time_limit_seconds");
  EXPECT_EQ(field_of(with("pool", "false")), "blueprints[2].pool");
  EXPECT_EQ(field_of(with("quotas", "<remove>")), "blueprints[2].quotas");
  EXPECT_EQ(field_of(with("quotas", R"([{"topics": ["vn.1"], "count": 1}, {"topics": "vn.2", "count": 1}])")),
            "blueprints[2].quotas[1].topics");
  EXPECT_EQ(field_of(with("quotas", R"([{"topics": ["vn.1", 2], "count": 1}])")), "blueprints[2].quotas[0].topics[1]");
  EXPECT_EQ(field_of(with("quotas", R"([{"topics": ["vn.1"]}])")), "blueprints[2].quotas[0].count");
  EXPECT_EQ(field_of(with("quotas", R"([{"topics": ["vn.1"], "count": 2, "weight": "5"}])")),
            "blueprints[2].quotas[0].weight");
  EXPECT_EQ(field_of(with("quotas", R"([{"topics": ["vn.1"], "count": 2, "points": 5}])")),
            "blueprints[2].quotas[0].points");
  EXPECT_EQ(field_of(with("critical", R"({"count": 1})")), "blueprints[2].critical.fail_on_wrong");
  EXPECT_EQ(field_of(with("scoring", R"({"policy": "percent", "pass_mark": 2})")), "blueprints[2].scoring.policy");
  EXPECT_EQ(field_of(with("scoring", R"({"policy": "count_correct"})")), "blueprints[2].scoring.pass_mark");
  EXPECT_EQ(field_of(with("scoring", R"({"policy": "count_correct", "pass_mark": 2, "max_error_points": 3})")),
            "blueprints[2].scoring.max_error_points");
  EXPECT_EQ(field_of(with("scoring", R"({"policy": "error_points", "max_error_points": 10})")),
            "blueprints[2].scoring.max_weight_wrong_limit");
  EXPECT_EQ(field_of(with("navigation", R"({"flag": true})")), "blueprints[2].navigation.revisit");
  EXPECT_EQ(field_of(with("licence", R"("B")")), "blueprints[2].licence");
}

TEST(BlueprintJson, DomainProblemsAreReportedWithTheirFullPath) {
  EXPECT_EQ(field_of(with("question_count", "30")), "blueprints[2].question_count");
  EXPECT_EQ(field_of(with("valid_to", R"("2025-06-01")")), "blueprints[2].valid_to");
  EXPECT_EQ(field_of(with("scoring", R"({"policy": "count_correct", "pass_mark": 4})")),
            "blueprints[2].scoring.pass_mark");
  EXPECT_EQ(field_of(with("quotas", R"([{"topics": ["vn.1"], "count": 1}, {"topics": ["vn.1"], "count": 1}])")),
            "blueprints[2].quotas[1].topics[0]");
  EXPECT_EQ(field_of(with("time_limit_seconds", "0")), "blueprints[2].time_limit_seconds");
}

}  // namespace
