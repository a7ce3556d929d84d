#include "catalog/domain/blueprint_validation.hpp"

#include <set>
#include <string>

namespace dt::catalog {

namespace {

constexpr std::chrono::seconds kMaxTimeLimit{24 * 60 * 60};

std::string quota_field(std::size_t index) { return "quotas[" + std::to_string(index) + "]"; }

void check_quotas(const Blueprint& blueprint, ValidationProblems& problems) {
  std::set<std::pair<TopicCode, int>> seen;  // (topic, weight); weight 0 stands for "any weight"
  std::set<TopicCode> any_weight;
  std::set<TopicCode> some_weight;
  for (std::size_t i = 0; i < blueprint.quotas.size(); ++i) {
    const Quota& quota = blueprint.quotas[i];
    if (quota.topics.empty()) problems.push_back({quota_field(i) + ".topics", "needs at least one topic"});
    for (std::size_t t = 0; t < quota.topics.size(); ++t) {
      const TopicCode& topic = quota.topics[t];
      const std::string field = quota_field(i) + ".topics[" + std::to_string(t) + "]";
      if (!topic.valid()) {
        problems.push_back({field, "must be a topic code"});
      } else if (!seen.insert({topic, quota.weight.value_or(0)}).second ||
                 (quota.weight ? any_weight.contains(topic) : some_weight.contains(topic))) {
        // A question in two quotas would make the draw ambiguous: which quota does it count toward?
        problems.push_back({field, "topic '" + topic.value() + "' is already in a quota"});
      }
      (quota.weight ? some_weight : any_weight).insert(topic);
    }
    if (quota.count < 1) problems.push_back({quota_field(i) + ".count", "must be at least 1"});
    if (quota.weight && *quota.weight < 1) problems.push_back({quota_field(i) + ".weight", "must be at least 1"});
  }
}

void check_scoring(const Blueprint& blueprint, ValidationProblems& problems) {
  if (const auto* count = std::get_if<CountCorrect>(&blueprint.scoring)) {
    if (count->pass_mark < 1 || count->pass_mark > blueprint.question_count) {
      problems.push_back({"scoring.pass_mark",
                          "must be between 1 and question_count (" + std::to_string(blueprint.question_count) + ")"});
    }
    return;
  }
  const auto& points = std::get<ErrorPoints>(blueprint.scoring);
  if (points.max_error_points < 0) problems.push_back({"scoring.max_error_points", "must not be negative"});
  if (points.max_weight_wrong_limit < 0) {
    problems.push_back({"scoring.max_weight_wrong_limit", "must not be negative (0 disables the rule)"});
  }
  if (points.max_weight < 0) problems.push_back({"scoring.max_weight", "must not be negative"});
}

}  // namespace

ValidationProblems validate(const Blueprint& blueprint) {
  ValidationProblems problems;
  if (!is_valid_code(blueprint.code)) problems.push_back({"code", "must be a code such as 'vn-2025-B'"});
  if (!blueprint.jurisdiction.valid()) problems.push_back({"jurisdiction", "must be a jurisdiction code"});
  if (!blueprint.licence_class.valid()) problems.push_back({"licence_class", "must be a licence class code"});
  if (blueprint.version < 1) problems.push_back({"version", "must be at least 1"});
  if (blueprint.valid_to && *blueprint.valid_to <= blueprint.valid_from) {
    problems.push_back({"valid_to", "must be after valid_from (valid_to is the first day no longer in force)"});
  }
  if (blueprint.question_count < 1) problems.push_back({"question_count", "must be at least 1"});
  if (blueprint.time_limit <= std::chrono::seconds::zero() || blueprint.time_limit > kMaxTimeLimit) {
    problems.push_back({"time_limit_seconds", "must be between 1 second and 24 hours"});
  }
  if (blueprint.pool && !is_valid_code(*blueprint.pool)) problems.push_back({"pool", "must be a pool name"});
  check_quotas(blueprint, problems);
  if (blueprint.critical.count < 0) problems.push_back({"critical.count", "must not be negative"});
  int drawn = blueprint.critical.count;
  for (const Quota& quota : blueprint.quotas) drawn += quota.count;
  if (drawn != blueprint.question_count) {
    problems.push_back({"question_count", "is " + std::to_string(blueprint.question_count) +
                                              " but the quotas and critical.count add up to " + std::to_string(drawn)});
  }
  check_scoring(blueprint, problems);
  return problems;
}

}  // namespace dt::catalog
