// The Vietnamese formats on a 600-question synthetic bank: every class of both rule versions, 1000 seeds each
// for the properties the original system broke (contiguous slices, repeats, quotas, the critical question).
#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>

#include "catalog/domain/draw_test_support.hpp"
#include "catalog/domain/exam_draw.hpp"
#include "catalog/domain/test_bank.hpp"

namespace {

using namespace dt::catalog;
using fixtures::by_id;
using fixtures::count_by_quota;
using fixtures::ids;

constexpr std::uint64_t kSeeds = 1000;

class VnDraw : public ::testing::TestWithParam<Blueprint> {
 protected:
  std::vector<Question> bank_ = fixtures::vn_bank();
  std::map<QuestionId, const Question*> index_ = by_id(bank_);
};

TEST_P(VnDraw, HonoursEveryQuotaAndTheCriticalRuleWithoutRepeatsOverManySeeds) {
  const Blueprint& blueprint = GetParam();
  const ExamDraw draw(blueprint, bank_);
  for (std::uint64_t seed = 0; seed < kSeeds; ++seed) {
    const auto exam = draw.draw(seed);
    ASSERT_EQ(static_cast<int>(exam.size()), blueprint.question_count) << blueprint.code << " seed " << seed;
    const auto counts = count_by_quota(blueprint, exam, index_);
    ASSERT_EQ(counts.count(-2), 0u) << "a question outside every quota";
    ASSERT_EQ(counts.at(-1), 1) << "exactly one critical question";
    for (std::size_t q = 0; q < blueprint.quotas.size(); ++q) {
      ASSERT_EQ(counts.at(static_cast<int>(q)), blueprint.quotas[q].count) << blueprint.code << " quota " << q;
    }
    std::vector<QuestionId> sorted = ids(exam);
    std::sort(sorted.begin(), sorted.end());
    ASSERT_EQ(std::adjacent_find(sorted.begin(), sorted.end()), sorted.end()) << "repeat, seed " << seed;
    for (const DrawnQuestion& drawn : exam) {
      const Question& q = *index_.at(drawn.id);
      ASSERT_EQ(q.status, QuestionStatus::published);
      ASSERT_TRUE(!blueprint.pool || q.in_pool(*blueprint.pool)) << drawn.id << " outside " << *blueprint.pool;
      ASSERT_EQ(drawn.revision, q.revision);
      ASSERT_EQ(drawn.critical, q.critical);
    }
  }
}

std::vector<Blueprint> all_vn_blueprints() {
  std::vector<Blueprint> all = fixtures::vn_2025_blueprints();
  for (auto& b : fixtures::vn_2020_blueprints()) all.push_back(b);
  return all;
}

INSTANTIATE_TEST_SUITE_P(AllClasses, VnDraw, ::testing::ValuesIn(all_vn_blueprints()),
                         [](const ::testing::TestParamInfo<Blueprint>& param) {
                           std::string name = param.param.code;
                           std::replace(name.begin(), name.end(), '-', '_');
                           return name;
                         });

TEST(VnDrawB, SameSeedSameExamDifferentSeedsDifferentExams) {
  const auto bank = fixtures::vn_bank();
  const ExamDraw draw(fixtures::vn_2025("B"), bank);
  EXPECT_EQ(draw.draw(42), draw.draw(42));
  std::set<std::vector<QuestionId>> exams;
  for (std::uint64_t seed = 0; seed < kSeeds; ++seed) exams.insert(ids(draw.draw(seed)));
  EXPECT_EQ(exams.size(), kSeeds);
}

TEST(VnDrawB, DoesNotDependOnTheOrderOfTheBank) {
  auto bank = fixtures::vn_bank();
  const auto forward = draw_exam(fixtures::vn_2025("B"), bank, 99);
  std::reverse(bank.begin(), bank.end());
  EXPECT_EQ(draw_exam(fixtures::vn_2025("B"), bank, 99), forward);
}

// A pinned exam: any change to the draw's use of randomness replays stored exams differently and fails here.
TEST(VnDrawB, GoldenExam) {
  const auto exam = draw_exam(fixtures::vn_2025("B"), fixtures::vn_bank(), 20250601);
  EXPECT_EQ(ids(exam),
            (std::vector<QuestionId>{127, 519, 578, 505, 153, 99,  579, 462, 320, 554, 79,  510, 570, 169, 166,
                                     256, 552, 441, 408, 295, 464, 67,  137, 492, 369, 348, 249, 483, 381, 203}));
  const std::vector<std::vector<int>> first_options{{0, 1, 2}, {0, 1}, {0, 2, 3, 1}, {0, 2, 1}, {0, 1}, {0, 1}};
  for (std::size_t i = 0; i < first_options.size(); ++i) EXPECT_EQ(exam[i].option_order, first_options[i]) << i;
}

TEST(VnDrawB, IsNotAContiguousSliceNorInBankOrder) {
  const auto bank = fixtures::vn_bank();
  const ExamDraw draw(fixtures::vn_2025("B"), bank);
  int longest_run = 0;
  int neighbours = 0;  // pairs of consecutive ids within an exam, over all exams
  int sorted_exams = 0;
  for (std::uint64_t seed = 0; seed < kSeeds; ++seed) {
    const auto exam = ids(draw.draw(seed));
    sorted_exams += std::is_sorted(exam.begin(), exam.end()) ? 1 : 0;
    std::vector<QuestionId> sorted = exam;
    std::sort(sorted.begin(), sorted.end());
    int run = 1;
    for (std::size_t i = 1; i < sorted.size(); ++i) {
      const bool next = sorted[i] == sorted[i - 1] + 1;
      neighbours += next ? 1 : 0;
      run = next ? run + 1 : 1;
      longest_run = std::max(longest_run, run);
    }
  }
  // A contiguous slice of 30 is one run of 30 with 29 neighbours. Random picks spread over 600 questions give
  // about one neighbouring pair per exam and, over 1000 exams, no run longer than a handful.
  EXPECT_LE(longest_run, 6);
  EXPECT_LT(neighbours, 2 * static_cast<int>(kSeeds));
  EXPECT_EQ(sorted_exams, 0);
}

TEST(VnDrawB, EveryQuestionOfThePoolComesUpOverManySeeds) {
  const auto bank = fixtures::vn_bank();
  const ExamDraw draw(fixtures::vn_2025("B"), bank);
  std::set<QuestionId> seen;
  for (std::uint64_t seed = 0; seed < kSeeds; ++seed) {
    for (QuestionId id : ids(draw.draw(seed))) seen.insert(id);
  }
  EXPECT_EQ(seen.size(), 600u);  // B draws from all 600, critical ones included
}

TEST(VnDrawA1, DrawsOnlyFromItsSubsetAndChapters) {
  const auto bank = fixtures::vn_bank();
  const auto index = by_id(bank);
  const ExamDraw draw(fixtures::vn_2025("A1"), bank);
  std::set<QuestionId> seen;
  for (std::uint64_t seed = 0; seed < kSeeds; ++seed) {
    for (QuestionId id : ids(draw.draw(seed))) seen.insert(id);
  }
  for (QuestionId id : seen) {
    EXPECT_TRUE(index.at(id)->in_pool("vn-a")) << id;
  }
  // Chapter 4 has no quota of its own in A1 but shares one with chapter 3.
  EXPECT_TRUE(std::any_of(seen.begin(), seen.end(),
                          [](QuestionId id) { return fixtures::vn_chapter(static_cast<int>(id)) == 4; }));
  EXPECT_LE(seen.size(), 250u);
}

}  // namespace
