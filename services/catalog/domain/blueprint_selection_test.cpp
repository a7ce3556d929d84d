#include "catalog/domain/blueprint_selection.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "catalog/domain/test_bank.hpp"

namespace {

using namespace dt::catalog;

std::vector<Blueprint> both_vn_versions() {
  std::vector<Blueprint> all = fixtures::vn_2020_blueprints();
  for (auto& b : fixtures::vn_2025_blueprints()) all.push_back(b);
  return all;
}

const Blueprint* pick(const std::vector<Blueprint>& all, const char* cls, Date date) {
  return select_blueprint(all, JurisdictionCode("vn"), LicenceClassCode(cls), date);
}

TEST(BlueprintSelection, PicksTheRulesInForceOnTheDay) {
  const auto all = both_vn_versions();
  const Blueprint* before = pick(all, "B1", make_date(2025, 5, 31));
  ASSERT_NE(before, nullptr);
  EXPECT_EQ(before->code, "vn-2020-B1");
  EXPECT_EQ(before->question_count, 30);
  const Blueprint* after = pick(all, "B1", make_date(2025, 6, 1));
  ASSERT_NE(after, nullptr);
  EXPECT_EQ(after->code, "vn-2025-B1");
  EXPECT_EQ(after->question_count, 25);
  EXPECT_EQ(pick(all, "A1", make_date(2025, 5, 31))->code, "vn-2020-A1");
  EXPECT_EQ(pick(all, "A1", make_date(2025, 6, 1))->code, "vn-2025-A1");
}

TEST(BlueprintSelection, NothingBeforeTheFirstOrForAClassOfOtherRules) {
  const auto all = both_vn_versions();
  EXPECT_EQ(pick(all, "B1", make_date(2020, 7, 31)), nullptr);
  EXPECT_EQ(pick(all, "B", make_date(2025, 5, 31)), nullptr);  // class B exists from 2025 only
  EXPECT_EQ(pick(all, "B2", make_date(2025, 6, 1)), nullptr);  // B2 ended with the 2020 rules
  EXPECT_EQ(select_blueprint(all, JurisdictionCode("uk"), LicenceClassCode("B1"), make_date(2025, 6, 1)), nullptr);
}

TEST(BlueprintSelection, ANewerVersionOfTheSameCodeWinsWhateverTheOrder) {
  Blueprint v1 = fixtures::vn_2025("B");
  Blueprint v2 = v1;
  v2.version = 2;
  v2.scoring = CountCorrect{28};
  for (auto order : {std::vector<Blueprint>{v1, v2}, std::vector<Blueprint>{v2, v1}}) {
    const Blueprint* chosen = pick(order, "B", make_date(2025, 7, 1));
    ASSERT_NE(chosen, nullptr);
    EXPECT_EQ(chosen->version, 2);
  }
}

TEST(BlueprintVersions, TheFixturesDoNotOverlap) { EXPECT_TRUE(check_versions(both_vn_versions()).empty()); }

TEST(BlueprintVersions, ReportsOverlapsAndDuplicates) {
  std::vector<Blueprint> all = both_vn_versions();
  Blueprint clash = fixtures::vn_2025("B1");
  clash.code = "vn-2025-B1-draft";
  clash.valid_from = make_date(2025, 5, 1);  // overlaps both B1 versions
  all.push_back(clash);
  all.push_back(fixtures::vn_2025("C"));  // same code and version again
  const ValidationProblems problems = check_versions(all);
  EXPECT_EQ(problems.size(), 3u);
  const std::string last = "blueprints[" + std::to_string(all.size() - 1) + "]";
  EXPECT_TRUE(std::any_of(problems.begin(), problems.end(), [&](const auto& p) { return p.field == last; }));
}

TEST(BlueprintVersions, AdjacentVersionsDoNotOverlap) {
  Blueprint old = fixtures::vn_2020_blueprints()[2];  // B1 to 2025-06-01 (exclusive)
  Blueprint next = fixtures::vn_2025("B1");
  next.code = "vn-next-B1";
  EXPECT_TRUE(check_versions(std::vector<Blueprint>{old, next}).empty());
  next.valid_from = make_date(2025, 5, 31);
  EXPECT_EQ(check_versions(std::vector<Blueprint>{old, next}).size(), 1u);
}

}  // namespace
