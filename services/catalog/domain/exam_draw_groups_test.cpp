// Question groups (three questions about one video clip in the UK test) are drawn whole, kept together and
// counted toward their quota with their size.
#include <gtest/gtest.h>

#include <algorithm>

#include "catalog/domain/draw_test_support.hpp"
#include "catalog/domain/exam_draw.hpp"
#include "catalog/domain/test_bank.hpp"

namespace {

using namespace dt::catalog;
using fixtures::by_id;
using fixtures::count_by_quota;
using fixtures::ids;

const std::vector<QuestionId> kClip{10420, 10421, 10422};  // topic uk.4, questions 20-22

// Where the clip's questions are in the exam: all three adjacent and in id order, or none.
std::ptrdiff_t clip_position(const std::vector<QuestionId>& exam) {
  const auto first = std::find(exam.begin(), exam.end(), kClip[0]);
  const auto members = std::count_if(
      exam.begin(), exam.end(), [](QuestionId id) { return std::find(kClip.begin(), kClip.end(), id) != kClip.end(); });
  if (members == 0) return -1;
  EXPECT_EQ(members, 3) << "a group is drawn whole";
  EXPECT_NE(first, exam.end());
  EXPECT_TRUE(std::equal(kClip.begin(), kClip.end(), first)) << "a group is kept together, in id order";
  return first - exam.begin();
}

TEST(ExamDrawGroups, UkExamKeepsTheClipQuestionsTogether) {
  const auto bank = fixtures::uk_bank();
  const auto index = by_id(bank);
  const Blueprint blueprint = fixtures::uk_car();
  const ExamDraw draw(blueprint, bank);
  int with_clip = 0;
  std::set<std::ptrdiff_t> positions;
  for (std::uint64_t seed = 0; seed < 1000; ++seed) {
    const auto exam = draw.draw(seed);
    ASSERT_EQ(exam.size(), 50u);
    const auto counts = count_by_quota(blueprint, exam, index);
    for (std::size_t q = 0; q < blueprint.quotas.size(); ++q) {
      ASSERT_EQ(counts.at(static_cast<int>(q)), blueprint.quotas[q].count) << "quota " << q << " seed " << seed;
    }
    const auto position = clip_position(ids(exam));
    if (position >= 0) {
      ++with_clip;
      positions.insert(position);
    }
  }
  // Topic 4 draws 7 of its 48 units: the clip comes up in roughly one exam in seven, anywhere in the exam.
  EXPECT_GT(with_clip, 80);
  EXPECT_LT(with_clip, 230);
  EXPECT_GT(positions.size(), 20u);
}

TEST(ExamDrawGroups, AGroupFillsAQuotaWhenOnlyItFits) {
  // Topic 4 reduced to the clip (3) and 4 single questions: a quota of 7 needs everything, of 3 only the clip.
  auto bank = fixtures::uk_bank();
  for (Question& q : bank) {
    if (q.topic == TopicCode("uk.4") && !q.group && q.id > 10404) q.status = QuestionStatus::retired;
  }
  Blueprint blueprint = fixtures::uk_car();
  const ExamDraw all(blueprint, bank);
  for (std::uint64_t seed = 0; seed < 100; ++seed) EXPECT_GE(clip_position(ids(all.draw(seed))), 0);

  blueprint.quotas[3].count = 3;
  blueprint.quotas[0].count += 4;
  std::vector<Question> only_clip_and_one;
  for (const Question& q : bank) {
    if (q.topic != TopicCode("uk.4") || q.group || q.id == 10401) only_clip_and_one.push_back(q);
  }
  const ExamDraw three(blueprint, only_clip_and_one);
  for (std::uint64_t seed = 0; seed < 100; ++seed) {
    const auto exam = ids(three.draw(seed));
    EXPECT_GE(clip_position(exam), 0) << "the single question cannot make 3 with a group of 3 left";
    EXPECT_EQ(std::count(exam.begin(), exam.end(), 10401), 0);
  }
}

TEST(ExamDrawGroups, AQuotaThatOnlyGroupsCannotMatchIsAnError) {
  auto bank = fixtures::uk_bank();
  for (Question& q : bank) {
    if (q.topic == TopicCode("uk.4") && !q.group) q.status = QuestionStatus::draft;
  }
  try {
    draw_exam(fixtures::uk_car(), bank, 1);  // 7 from a single group of 3
    FAIL() << "no DrawError";
  } catch (const DrawError& e) {
    EXPECT_EQ(e.quota_index(), 3);
    EXPECT_EQ(e.available(), 3);
  }
  Blueprint two = fixtures::uk_car();
  two.quotas[3].count = 2;  // 3 available but the group cannot be split
  two.quotas[0].count += 5;
  try {
    draw_exam(two, bank, 1);
    FAIL() << "no DrawError";
  } catch (const DrawError& e) {
    EXPECT_EQ(e.needed(), 2);
    EXPECT_EQ(e.available(), 3);
    EXPECT_NE(std::string(e.what()).find("groups are drawn whole"), std::string::npos) << e.what();
  }
}

TEST(ExamDrawGroups, ASeenGroupIsAvoidedLikeASeenQuestion) {
  const auto bank = fixtures::uk_bank();
  const ExamDraw draw(fixtures::uk_car(), bank);
  const std::vector<QuestionId> seen{10421};  // one member seen: the whole clip counts as seen
  for (std::uint64_t seed = 0; seed < 300; ++seed) EXPECT_EQ(clip_position(ids(draw.draw(seed, seen))), -1);
}

TEST(ExamDrawGroups, AGroupAcrossQuotasIsNeverDrawnAndIsReported) {
  auto bank = fixtures::uk_bank();
  for (Question& q : bank) {
    if (q.id == 10422) q.topic = TopicCode("uk.5");
  }
  const ExamDraw draw(fixtures::uk_car(), bank);
  ASSERT_EQ(draw.pool().group_problems().size(), 1u);
  EXPECT_EQ(draw.pool().group_problems()[0].group, fixtures::kUkClipGroup);
  EXPECT_EQ(draw.pool().group_problems()[0].questions, kClip);
  for (std::uint64_t seed = 0; seed < 300; ++seed) EXPECT_EQ(clip_position(ids(draw.draw(seed))), -1);
}

}  // namespace
