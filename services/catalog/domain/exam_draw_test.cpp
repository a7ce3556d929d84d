#include "catalog/domain/exam_draw.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <numeric>
#include <set>

#include "catalog/domain/draw_test_support.hpp"
#include "catalog/domain/test_bank.hpp"

namespace {

using namespace dt::catalog;
using fixtures::by_id;
using fixtures::ids;

std::vector<QuestionId> chapter_ids(const std::vector<Question>& bank, int chapter, bool critical) {
  std::vector<QuestionId> list;
  for (const Question& q : bank) {
    if (fixtures::vn_chapter(static_cast<int>(q.id)) == chapter && q.critical == critical) list.push_back(q.id);
  }
  return list;
}

std::set<QuestionId> drawn_in(const std::vector<DrawnQuestion>& exam, const std::vector<QuestionId>& among) {
  std::set<QuestionId> found;
  for (const DrawnQuestion& d : exam) {
    if (std::find(among.begin(), among.end(), d.id) != among.end()) found.insert(d.id);
  }
  return found;
}

TEST(ExamDraw, AvoidsRecentlySeenQuestionsWhenThePoolAllows) {
  const auto bank = fixtures::vn_bank();
  const ExamDraw draw(fixtures::vn_2025("B"), bank);
  for (std::uint64_t seed = 0; seed < 200; ++seed) {
    const auto first = ids(draw.draw(seed));
    const auto second = ids(draw.draw(seed + 1000, first));
    for (QuestionId id : second) {
      ASSERT_EQ(std::count(first.begin(), first.end(), id), 0) << "seed " << seed << " repeated " << id;
    }
  }
}

TEST(ExamDraw, UsesSeenQuestionsOnlyAsFarAsNeeded) {
  const auto bank = fixtures::vn_bank();
  // Chapter 2 has 21 non-critical questions; B draws 1. All but question 200 seen: 200 it must be.
  std::vector<QuestionId> seen = chapter_ids(bank, 2, false);
  seen.erase(std::find(seen.begin(), seen.end(), 200));
  const ExamDraw draw(fixtures::vn_2025("B"), bank);
  for (std::uint64_t seed = 0; seed < 50; ++seed) {
    EXPECT_EQ(drawn_in(draw.draw(seed, seen), chapter_ids(bank, 2, false)), std::set<QuestionId>{200});
  }
  // All of them seen: the quota is still filled, from seen questions.
  seen.push_back(200);
  for (std::uint64_t seed = 0; seed < 50; ++seed) EXPECT_EQ(drawn_in(draw.draw(seed, seen), seen).size(), 1u);
}

TEST(ExamDraw, FallsBackToSeenQuestionsWhenTooFewAreUnseen) {
  auto bank = fixtures::vn_bank();
  // Shrink chapter 1 to 10 non-critical published questions, 7 of them seen; B needs 8 from chapter 1.
  std::vector<QuestionId> kept;
  for (Question& q : bank) {
    if (fixtures::vn_chapter(static_cast<int>(q.id)) == 1 && !q.critical) {
      if (kept.size() < 10) {
        kept.push_back(q.id);
      } else {
        q.status = QuestionStatus::retired;
      }
    }
  }
  const std::vector<QuestionId> seen(kept.begin(), kept.begin() + 7);
  const std::vector<QuestionId> unseen(kept.begin() + 7, kept.end());
  const ExamDraw draw(fixtures::vn_2025("B"), bank);
  for (std::uint64_t seed = 0; seed < 100; ++seed) {
    const auto exam = draw.draw(seed, seen);
    EXPECT_EQ(drawn_in(exam, unseen).size(), 3u) << "all unseen ones first";
    EXPECT_EQ(drawn_in(exam, seen).size(), 5u) << "then only as many seen as needed";
  }
}

TEST(ExamDraw, AvoidsSeenCriticalQuestionsToo) {
  const auto bank = fixtures::vn_bank();
  std::vector<QuestionId> seen;
  for (const Question& q : bank) {
    if (q.critical && q.id != 8) seen.push_back(q.id);
  }
  const ExamDraw draw(fixtures::vn_2025("B"), bank);
  for (std::uint64_t seed = 0; seed < 20; ++seed) {
    const auto exam = draw.draw(seed, seen);
    const auto critical = std::find_if(exam.begin(), exam.end(), [](const DrawnQuestion& d) { return d.critical; });
    ASSERT_NE(critical, exam.end());
    EXPECT_EQ(critical->id, 8);
  }
}

TEST(ExamDraw, AnUnsatisfiableQuotaIsAClearError) {
  auto bank = fixtures::vn_bank();
  for (Question& q : bank) {
    if (fixtures::vn_chapter(static_cast<int>(q.id)) == 4) q.status = QuestionStatus::draft;
  }
  const ExamDraw draw(fixtures::vn_2025("B"), bank);
  try {
    draw.draw(1);
    FAIL() << "no DrawError";
  } catch (const DrawError& e) {
    EXPECT_EQ(e.reason(), DrawError::Reason::quota_unsatisfiable);
    EXPECT_EQ(e.quota_index(), 3);
    EXPECT_EQ(e.needed(), 1);
    EXPECT_EQ(e.available(), 0);
    EXPECT_STREQ(e.what(), "quota 3 (topics vn.4) needs 1 question(s) but the published pool has 0");
  }
  // A1 takes its chapter-3-or-4 question from chapter 3 alone: still drawable.
  EXPECT_EQ(ExamDraw(fixtures::vn_2025("A1"), bank).draw(1).size(), 25u);
}

TEST(ExamDraw, TooFewCriticalQuestionsIsAClearError) {
  auto bank = fixtures::vn_bank();
  for (Question& q : bank) {
    if (q.critical) q.pools.clear();  // no critical question in any pool
  }
  try {
    draw_exam(fixtures::vn_2025("A1"), bank, 1);
    FAIL() << "no DrawError";
  } catch (const DrawError& e) {
    EXPECT_EQ(e.reason(), DrawError::Reason::critical_unsatisfiable);
    EXPECT_EQ(e.quota_index(), -1);
    EXPECT_STREQ(e.what(), "the critical rule needs 1 question(s) but the published pool has 0");
  }
}

TEST(ExamDraw, AnInvalidBlueprintIsRefusedUpFront) {
  Blueprint blueprint = fixtures::vn_2025("B");
  blueprint.question_count = 29;
  try {
    ExamDraw(blueprint, fixtures::vn_bank());
    FAIL() << "no DrawError";
  } catch (const DrawError& e) {
    EXPECT_EQ(e.reason(), DrawError::Reason::invalid_blueprint);
    EXPECT_NE(std::string(e.what()).find("question_count"), std::string::npos) << e.what();
  }
}

TEST(ExamDraw, DrawsOnlyPublishedGradableQuestionsOfItsJurisdiction) {
  std::vector<Question> bank;
  for (int i = 1; i <= 6; ++i) bank.push_back(fixtures::choice(i, "vn.1", 3, {0}));
  bank[0].status = QuestionStatus::draft;
  bank[1].status = QuestionStatus::retired;
  bank[2].jurisdiction = JurisdictionCode("uk");
  bank[3].options[0].correct = false;  // published by mistake without a correct option
  Blueprint blueprint = fixtures::vn_2025("B");
  blueprint.quotas = {{{TopicCode("vn.1")}, 2, std::nullopt}};
  blueprint.critical = {0, false};
  blueprint.question_count = 2;
  blueprint.scoring = CountCorrect{2};
  for (std::uint64_t seed = 0; seed < 20; ++seed) {
    auto exam = ids(draw_exam(blueprint, bank, seed));
    std::sort(exam.begin(), exam.end());
    EXPECT_EQ(exam, (std::vector<QuestionId>{5, 6}));
  }
}

TEST(ExamDraw, UsesOnlyTheNewestRevisionOfAQuestion) {
  std::vector<Question> bank{fixtures::choice(1, "vn.1", 2, {0}), fixtures::choice(1, "vn.1", 2, {0})};
  bank[1].revision = 2;
  Blueprint blueprint = fixtures::vn_2025("B");
  blueprint.quotas = {{{TopicCode("vn.1")}, 2, std::nullopt}};
  blueprint.critical = {0, false};
  blueprint.question_count = 2;
  blueprint.scoring = CountCorrect{2};
  EXPECT_THROW(draw_exam(blueprint, bank, 1), DrawError);  // one question, not two
  blueprint.quotas[0].count = 1;
  blueprint.question_count = 1;
  blueprint.scoring = CountCorrect{1};
  EXPECT_EQ(draw_exam(blueprint, bank, 1).at(0).revision, 2);
}

TEST(ExamDraw, ShufflesOptionsOnlyWhereAllowed) {
  const auto bank = fixtures::vn_bank();
  const auto index = by_id(bank);
  const ExamDraw draw(fixtures::vn_2025("C"), bank);
  int shuffled = 0;
  for (std::uint64_t seed = 0; seed < 300; ++seed) {
    for (const DrawnQuestion& d : draw.draw(seed)) {
      const Question& q = *index.at(d.id);
      std::vector<int> identity(q.options.size());
      std::iota(identity.begin(), identity.end(), 0);
      std::vector<int> sorted = d.option_order;
      std::sort(sorted.begin(), sorted.end());
      ASSERT_EQ(sorted, identity) << "a permutation of the question's options";
      if (!q.shuffle_options) {
        ASSERT_EQ(d.option_order, identity) << d.id;
      } else if (d.option_order != identity) {
        ++shuffled;
      }
    }
  }
  EXPECT_GT(shuffled, 1000);
}

TEST(ExamDraw, NumericQuestionsHaveNoOptionOrder) {
  std::vector<Question> bank;
  for (int i = 1; i <= 30; ++i) bank.push_back(fixtures::numeric(i, "de.grund", "50", "0"));
  for (int i = 31; i <= 50; ++i) bank.push_back(fixtures::choice(i, "de.b", 3, {0, 2}));
  const auto exam = draw_exam(fixtures::de_class_b(), bank, 5);
  ASSERT_EQ(exam.size(), 30u);
  for (const DrawnQuestion& d : exam) {
    if (d.kind == QuestionKind::numeric) {
      EXPECT_TRUE(d.option_order.empty());
    } else {
      EXPECT_EQ(d.option_order.size(), 3u);
    }
  }
}

TEST(ExamDraw, APreparedDrawMatchesTheOneShotForm) {
  const auto bank = fixtures::vn_bank();
  const ExamDraw draw(fixtures::vn_2025("D"), bank);
  EXPECT_EQ(draw.question_count(), 45);
  EXPECT_EQ(draw.draw(77), draw_exam(fixtures::vn_2025("D"), bank, 77));
}

}  // namespace
