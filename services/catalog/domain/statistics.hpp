#pragma once
// Statistics: a learner's progress from their graded exams and practice answers: accuracy per topic, pass
// rate, score trend, weak topics and a readiness estimate. Integer percentages (floored) throughout.
//
// Readiness (0-100) answers "would I pass today?" simply and explainably. Over the last `recent_exams` exams,
// weighted 1, 2, ..., k from oldest to newest so recent form counts most:
//   pass  = weighted pass rate (%)
//   score = weighted mean of score/max (%)
//   weak  = accuracy (%) of the weakest topic with at least `min_answers` answers (exams and practice), or the
//           overall accuracy when no topic has that many
//   readiness = (40 * pass + 30 * score + 30 * weak) / 100
// With no exam yet only the topic part counts (at most 30): practice alone does not prove exam readiness.
// With no data at all it is 0.
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "catalog/domain/code.hpp"
#include "catalog/domain/date.hpp"
#include "catalog/domain/exam_result.hpp"
#include "catalog/domain/question.hpp"

namespace dt::catalog {

struct ExamRecord {
  TimePoint finished_at{};
  std::string blueprint_code;
  bool passed = false;
  int score = 0;
  int max_score = 0;
  std::vector<TopicScore> topics;
};

struct PracticeRecord {
  QuestionId question = 0;
  TopicCode topic;
  bool correct = false;
  TimePoint at{};
};

struct StatisticsOptions {
  std::optional<std::string> blueprint_code;  // only exams of this blueprint (practice always counts)
  std::size_t trend_length = 10;
  std::size_t recent_exams = 5;
  int weak_below_percent = 80;  // a topic is weak below this accuracy...
  int min_answers = 5;          // ...once it has at least this many answers (fewer say too little)
};

struct TopicAccuracy {
  TopicCode topic;
  int correct = 0;
  int total = 0;
  int percent = 0;

  friend bool operator==(const TopicAccuracy&, const TopicAccuracy&) = default;
};

struct TrendPoint {
  TimePoint at{};
  int score = 0;
  int max_score = 0;
  int percent = 0;
  bool passed = false;

  friend bool operator==(const TrendPoint&, const TrendPoint&) = default;
};

struct UserStatistics {
  std::vector<TopicAccuracy> topics;  // by topic code
  int exams = 0;
  int exams_passed = 0;
  int pass_rate_percent = 0;           // over all exams considered
  std::vector<TrendPoint> trend;       // the last trend_length exams, oldest first
  std::vector<TopicCode> weak_topics;  // weakest first
  int readiness = 0;
};

// Exams and practice in any order.
UserStatistics compute_statistics(std::span<const ExamRecord> exams, std::span<const PracticeRecord> practice,
                                  const StatisticsOptions& options = {});

}  // namespace dt::catalog
