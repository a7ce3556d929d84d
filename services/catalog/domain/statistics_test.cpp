#include "catalog/domain/statistics.hpp"

#include <gtest/gtest.h>

namespace {

using namespace dt::catalog;
using std::chrono::hours;

const TimePoint kT0 = TimePoint{} + hours(24 * 20000);

TopicScore topic(const char* code, int correct, int total) { return {TopicCode(code), correct, total}; }

// Three class-B exams getting better, one A1 exam before them, and some practice with a weak chapter 6.
// Given out of order: the statistics sort by time.
std::vector<ExamRecord> exams() {
  return {
      {kT0 + hours(48), "vn-2025-B", true, 27, 30, {topic("vn.1", 7, 8), topic("vn.5", 8, 9)}},
      {kT0 + hours(24), "vn-2025-B", false, 24, 30, {topic("vn.1", 6, 8), topic("vn.5", 7, 9)}},
      {kT0 + hours(72), "vn-2025-B", true, 29, 30, {topic("vn.1", 8, 8), topic("vn.5", 9, 9)}},
      {kT0, "vn-2025-A1", false, 20, 25, {topic("vn.1", 5, 8)}},
  };
}

std::vector<PracticeRecord> practice() {
  std::vector<PracticeRecord> list;
  list.push_back({601, TopicCode("vn.6"), true, kT0});
  for (int i = 0; i < 4; ++i) list.push_back({602 + i, TopicCode("vn.6"), false, kT0});
  list.push_back({1, TopicCode("vn.1"), true, kT0});
  list.push_back({2, TopicCode("vn.1"), true, kT0});
  return list;
}

TEST(Statistics, ForOneBlueprint) {
  StatisticsOptions options;
  options.blueprint_code = "vn-2025-B";
  const UserStatistics stats = compute_statistics(exams(), practice(), options);
  ASSERT_EQ(stats.topics.size(), 3u);
  EXPECT_EQ(stats.topics[0], (TopicAccuracy{TopicCode("vn.1"), 23, 26, 88}));  // 21/24 in exams + 2/2 practice
  EXPECT_EQ(stats.topics[1], (TopicAccuracy{TopicCode("vn.5"), 24, 27, 88}));
  EXPECT_EQ(stats.topics[2], (TopicAccuracy{TopicCode("vn.6"), 1, 5, 20}));
  EXPECT_EQ(stats.exams, 3);
  EXPECT_EQ(stats.exams_passed, 2);
  EXPECT_EQ(stats.pass_rate_percent, 66);
  ASSERT_EQ(stats.trend.size(), 3u);
  EXPECT_EQ(stats.trend[0], (TrendPoint{kT0 + hours(24), 24, 30, 80, false}));
  EXPECT_EQ(stats.trend[2], (TrendPoint{kT0 + hours(72), 29, 30, 96, true}));
  EXPECT_EQ(stats.weak_topics, std::vector<TopicCode>{TopicCode("vn.6")});
  // pass (0*1 + 100*2 + 100*3) / 6 = 83; score (80*1 + 90*2 + 96*3) / 6 = 91; weakest topic 20:
  // (40*83 + 30*91 + 30*20) / 100 = 66.
  EXPECT_EQ(stats.readiness, 66);
}

TEST(Statistics, AcrossAllBlueprints) {
  const UserStatistics stats = compute_statistics(exams(), practice());
  EXPECT_EQ(stats.exams, 4);
  EXPECT_EQ(stats.pass_rate_percent, 50);
  EXPECT_EQ(stats.topics[0], (TopicAccuracy{TopicCode("vn.1"), 28, 34, 82}));
  // pass (300 + 400) / 10 = 70; score (80 + 160 + 270 + 384) / 10 = 89; (2800 + 2670 + 600) / 100 = 60.
  EXPECT_EQ(stats.readiness, 60);
}

TEST(Statistics, RecentWindowAndTrendLength) {
  StatisticsOptions options;
  options.blueprint_code = "vn-2025-B";
  options.recent_exams = 1;
  options.trend_length = 2;
  const UserStatistics stats = compute_statistics(exams(), practice(), options);
  ASSERT_EQ(stats.trend.size(), 2u);
  EXPECT_EQ(stats.trend[0].score, 27);
  EXPECT_EQ(stats.readiness, 74);  // (40*100 + 30*96 + 30*20) / 100
}

TEST(Statistics, ATopicNeedsEnoughAnswersToCountAsWeak) {
  const std::vector<PracticeRecord> few{{1, TopicCode("vn.2"), false, kT0}, {2, TopicCode("vn.2"), false, kT0}};
  const UserStatistics stats = compute_statistics({}, few);
  EXPECT_TRUE(stats.weak_topics.empty());
  EXPECT_EQ(stats.readiness, 0);  // no exam, and 0% overall accuracy
}

TEST(Statistics, PracticeAloneCapsReadinessAt30) {
  std::vector<PracticeRecord> perfect;
  for (int i = 0; i < 10; ++i) perfect.push_back({i, TopicCode("vn.1"), true, kT0});
  EXPECT_EQ(compute_statistics({}, perfect).readiness, 30);
}

TEST(Statistics, NoDataNoNumbers) {
  const UserStatistics stats = compute_statistics({}, {});
  EXPECT_EQ(stats.exams, 0);
  EXPECT_EQ(stats.pass_rate_percent, 0);
  EXPECT_EQ(stats.readiness, 0);
  EXPECT_TRUE(stats.topics.empty());
  EXPECT_TRUE(stats.trend.empty());
}

TEST(Statistics, AllPassedAndPerfectIsFullyReady) {
  std::vector<ExamRecord> perfect;
  for (int i = 0; i < 5; ++i) {
    perfect.push_back({kT0 + hours(i), "vn-2025-B", true, 30, 30, {topic("vn.1", 30, 30)}});
  }
  EXPECT_EQ(compute_statistics(perfect, {}).readiness, 100);
}

}  // namespace
