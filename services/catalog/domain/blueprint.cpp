#include "catalog/domain/blueprint.hpp"

#include <algorithm>

namespace dt::catalog {

int Blueprint::quota_of(const TopicCode& topic, int weight) const {
  for (std::size_t i = 0; i < quotas.size(); ++i) {
    const auto& topics = quotas[i].topics;
    if (quotas[i].weight && *quotas[i].weight != weight) continue;
    if (std::find(topics.begin(), topics.end(), topic) != topics.end()) return static_cast<int>(i);
  }
  return -1;
}

std::string_view policy_name(const ScoringPolicy& scoring) {
  return std::holds_alternative<CountCorrect>(scoring) ? "count_correct" : "error_points";
}

}  // namespace dt::catalog
