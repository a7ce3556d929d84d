#pragma once
// Blueprint: one version of the exam format of a licence class in a jurisdiction, as data (FORMAT.md). Exam
// rules change by publishing a new blueprint with new validity dates, never by changing code.
//
// Validity is the half-open range [valid_from, valid_to): valid_to is the first day the version no longer
// applies, so consecutive versions share the boundary date. The Vietnamese rules of 2020-08-01 to 2025-05-31
// are therefore valid_from "2020-08-01", valid_to "2025-06-01", and the 2025 rules valid_from "2025-06-01",
// valid_to null (open-ended).
#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "catalog/domain/code.hpp"
#include "catalog/domain/date.hpp"

namespace dt::catalog {

// Draws `count` non-critical questions from the union of `topics`, restricted to questions of `weight` when set
// (the German exam's fixed point total). A (topic, weight) pair belongs to at most one quota.
struct Quota {
  std::vector<TopicCode> topics;
  int count = 0;
  std::optional<int> weight;

  friend bool operator==(const Quota&, const Quota&) = default;
};

// `count` critical questions are drawn from the critical questions of the pool, outside the quotas. With
// fail_on_wrong, answering any of them wrong (or not at all) fails the exam whatever the score.
struct CriticalRule {
  int count = 0;
  bool fail_on_wrong = false;

  friend bool operator==(const CriticalRule&, const CriticalRule&) = default;
};

// Pass with at least pass_mark correct answers.
struct CountCorrect {
  int pass_mark = 0;

  friend bool operator==(const CountCorrect&, const CountCorrect&) = default;
};

// Fail with more than max_error_points (sum of the weights of wrong or unanswered questions), or with
// max_weight_wrong_limit or more wrong answers to questions of the highest weight (German rule: two wrong
// 5-point questions fail even though they make only 10 points). max_weight_wrong_limit 0 disables that rule.
// max_weight is the highest weight of the format (5 in Germany); 0, the bank format's default, means "the
// highest weight among the exam's questions". Setting it keeps two wrong 4-pointers from failing an exam that
// happened to draw no 5-pointer.
struct ErrorPoints {
  int max_error_points = 0;
  int max_weight_wrong_limit = 0;
  int max_weight = 0;

  friend bool operator==(const ErrorPoints&, const ErrorPoints&) = default;
};

using ScoringPolicy = std::variant<CountCorrect, ErrorPoints>;

// What the candidate may do during the exam: flag questions for later, and change answers already given.
struct Navigation {
  bool flag = true;
  bool revisit = true;

  friend bool operator==(const Navigation&, const Navigation&) = default;
};

struct Blueprint {
  std::string code;  // "vn-2025-B": the same code with a higher version supersedes a lower one
  JurisdictionCode jurisdiction;
  LicenceClassCode licence_class;
  int version = 1;
  Date valid_from{};
  std::optional<Date> valid_to;  // exclusive; nullopt: open-ended
  int question_count = 0;
  std::chrono::seconds time_limit{0};
  std::optional<std::string> pool;  // nullopt: every published question of the jurisdiction
  std::vector<Quota> quotas;
  CriticalRule critical;
  ScoringPolicy scoring = CountCorrect{};
  Navigation navigation;

  bool in_force_on(Date date) const { return valid_from <= date && (!valid_to || date < *valid_to); }
  // Index of the quota whose topics include `topic`, or -1 (the topic is not examined by this blueprint).
  int quota_of(const TopicCode& topic, int weight) const;

  friend bool operator==(const Blueprint&, const Blueprint&) = default;
};

// The format's policy names: "count_correct", "error_points".
std::string_view policy_name(const ScoringPolicy& scoring);

}  // namespace dt::catalog
