#include "catalog/domain/statistics.hpp"

#include <algorithm>
#include <map>

namespace dt::catalog {

namespace {

int percent(int part, int whole) { return whole <= 0 ? 0 : part * 100 / whole; }

std::vector<TopicAccuracy> topic_accuracy(std::span<const ExamRecord* const> exams,
                                          std::span<const PracticeRecord> practice) {
  std::map<TopicCode, TopicAccuracy> topics;
  const auto add = [&](const TopicCode& code, int correct, int total) {
    TopicAccuracy& topic = topics[code];
    topic.topic = code;
    topic.correct += correct;
    topic.total += total;
  };
  for (const ExamRecord* exam : exams) {
    for (const TopicScore& score : exam->topics) add(score.topic, score.correct, score.total);
  }
  for (const PracticeRecord& answer : practice) add(answer.topic, answer.correct ? 1 : 0, 1);
  std::vector<TopicAccuracy> list;
  for (auto& [code, topic] : topics) {
    topic.percent = percent(topic.correct, topic.total);
    list.push_back(std::move(topic));
  }
  return list;
}

// The accuracy the readiness formula uses for topics, or nullopt when nothing was answered.
std::optional<int> weakest_accuracy(const std::vector<TopicAccuracy>& topics, int min_answers) {
  std::optional<int> weakest;
  int correct = 0;
  int total = 0;
  for (const TopicAccuracy& topic : topics) {
    correct += topic.correct;
    total += topic.total;
    if (topic.total >= min_answers) weakest = std::min(weakest.value_or(100), topic.percent);
  }
  if (weakest) return weakest;
  if (total > 0) return percent(correct, total);
  return std::nullopt;
}

int readiness(std::span<const ExamRecord* const> chronological, std::size_t recent, std::optional<int> weak) {
  const std::size_t k = std::min(recent, chronological.size());
  const auto last = chronological.subspan(chronological.size() - k);
  int weights = 0;
  int pass = 0;
  int score = 0;
  for (std::size_t i = 0; i < last.size(); ++i) {
    const int w = static_cast<int>(i) + 1;
    weights += w;
    pass += last[i]->passed ? w * 100 : 0;
    score += w * percent(last[i]->score, last[i]->max_score);
  }
  const int topic_part = 30 * weak.value_or(0);
  if (weights == 0) return topic_part / 100;
  return (40 * (pass / weights) + 30 * (score / weights) + topic_part) / 100;
}

}  // namespace

UserStatistics compute_statistics(std::span<const ExamRecord> exams, std::span<const PracticeRecord> practice,
                                  const StatisticsOptions& options) {
  std::vector<const ExamRecord*> chosen;
  for (const ExamRecord& exam : exams) {
    if (!options.blueprint_code || exam.blueprint_code == *options.blueprint_code) chosen.push_back(&exam);
  }
  std::stable_sort(chosen.begin(), chosen.end(),
                   [](const ExamRecord* a, const ExamRecord* b) { return a->finished_at < b->finished_at; });

  UserStatistics stats;
  stats.topics = topic_accuracy(chosen, practice);
  stats.exams = static_cast<int>(chosen.size());
  stats.exams_passed = static_cast<int>(std::count_if(chosen.begin(), chosen.end(), [](auto* e) { return e->passed; }));
  stats.pass_rate_percent = percent(stats.exams_passed, stats.exams);
  const std::size_t trend = std::min(options.trend_length, chosen.size());
  for (std::size_t i = chosen.size() - trend; i < chosen.size(); ++i) {
    const ExamRecord& exam = *chosen[i];
    stats.trend.push_back(
        {exam.finished_at, exam.score, exam.max_score, percent(exam.score, exam.max_score), exam.passed});
  }
  std::vector<const TopicAccuracy*> weak;
  for (const TopicAccuracy& topic : stats.topics) {
    if (topic.total >= options.min_answers && topic.percent < options.weak_below_percent) weak.push_back(&topic);
  }
  std::stable_sort(weak.begin(), weak.end(), [](auto* a, auto* b) { return a->percent < b->percent; });
  for (const TopicAccuracy* topic : weak) stats.weak_topics.push_back(topic->topic);
  stats.readiness = readiness(chosen, options.recent_exams, weakest_accuracy(stats.topics, options.min_answers));
  return stats;
}

}  // namespace dt::catalog
