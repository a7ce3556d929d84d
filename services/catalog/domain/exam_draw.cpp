#include "catalog/domain/exam_draw.hpp"

#include <algorithm>
#include <numeric>
#include <string>

#include "catalog/domain/blueprint_validation.hpp"
#include "catalog/domain/prng.hpp"
#include "catalog/domain/unit_sizes.hpp"

namespace dt::catalog {

namespace {

const Blueprint& checked(const Blueprint& blueprint) {
  const ValidationProblems problems = validate(blueprint);
  if (!problems.empty()) {
    std::string message = "blueprint '" + blueprint.code + "' is invalid: ";
    for (std::size_t i = 0; i < problems.size(); ++i) {
      message += (i == 0 ? "" : "; ") + problems[i].field + " " + problems[i].message;
    }
    throw DrawError(DrawError::Reason::invalid_blueprint, -1, 0, 0, message);
  }
  return blueprint;
}

std::string topics_text(const Quota& quota) {
  std::string text;
  for (const TopicCode& topic : quota.topics) text += (text.empty() ? "" : ", ") + topic.value();
  return text;
}

void require_satisfiable(const UnitPool& pool, int quota_index, const std::string& what) {
  if (pool.satisfiable) return;
  const auto reason =
      quota_index < 0 ? DrawError::Reason::critical_unsatisfiable : DrawError::Reason::quota_unsatisfiable;
  std::string message = what + " needs " + std::to_string(pool.needed) + " question(s) but the published pool has " +
                        std::to_string(pool.available);
  if (pool.available >= pool.needed) message += " that cannot add up to exactly that (groups are drawn whole)";
  throw DrawError(reason, quota_index, pool.needed, pool.available, message);
}

// Chooses units of `pool` adding up to exactly pool.needed, preferring units with no recently seen question.
void choose(const DrawPool& draw_pool, const UnitPool& pool, std::span<const QuestionId> seen, Prng& rng,
            std::vector<DrawUnit>& chosen) {
  if (pool.needed == 0) return;
  std::vector<DrawUnit> units = pool.units;
  const auto unseen = [&](const DrawUnit& unit) {
    const auto members = draw_pool.members(unit);
    return std::none_of(members.begin(), members.end(),
                        [&](const DrawCandidate& c) { return std::binary_search(seen.begin(), seen.end(), c.id); });
  };
  const auto split =
      static_cast<std::size_t>(std::stable_partition(units.begin(), units.end(), unseen) - units.begin());
  UnitSizes remaining;
  for (const DrawUnit& unit : units) remaining.add(static_cast<int>(unit.size));

  int left = pool.needed;
  const std::size_t tiers[3] = {0, split, units.size()};
  for (int tier = 0; tier < 2 && left > 0; ++tier) {
    const std::span<DrawUnit> range = std::span(units).subspan(tiers[tier], tiers[tier + 1] - tiers[tier]);
    for (std::size_t i = 0; i < range.size() && left > 0; ++i) {
      rng.pick_into(range, i);
      const int size = static_cast<int>(range[i].size);
      remaining.remove(size);
      // Take it unless that would leave a remainder the rest cannot make exactly (possible only with groups).
      if (size <= left && remaining.can_make(left - size)) {
        chosen.push_back(range[i]);
        left -= size;
      }
    }
  }
}

}  // namespace

ExamDraw::ExamDraw(const Blueprint& blueprint, std::span<const Question> bank)
    : pool_(checked(blueprint), bank), question_count_(blueprint.question_count) {
  quota_names_.reserve(blueprint.quotas.size());
  for (std::size_t i = 0; i < blueprint.quotas.size(); ++i) {
    quota_names_.push_back("quota " + std::to_string(i) + " (topics " + topics_text(blueprint.quotas[i]) + ")");
  }
}

std::vector<DrawnQuestion> ExamDraw::draw(std::uint64_t seed, std::span<const QuestionId> recently_seen) const {
  require_satisfiable(pool_.critical(), -1, "the critical rule");
  for (std::size_t i = 0; i < pool_.quotas().size(); ++i) {
    require_satisfiable(pool_.quotas()[i], static_cast<int>(i), quota_names_[i]);
  }
  std::vector<QuestionId> seen(recently_seen.begin(), recently_seen.end());
  std::sort(seen.begin(), seen.end());

  Prng rng(seed);
  std::vector<DrawUnit> chosen;
  chosen.reserve(static_cast<std::size_t>(question_count_));
  choose(pool_, pool_.critical(), seen, rng, chosen);
  for (const UnitPool& quota : pool_.quotas()) choose(pool_, quota, seen, rng, chosen);
  rng.shuffle(std::span(chosen));

  std::vector<DrawnQuestion> exam;
  exam.reserve(static_cast<std::size_t>(question_count_));
  for (const DrawUnit& unit : chosen) {
    for (const DrawCandidate& candidate : pool_.members(unit)) {
      DrawnQuestion& drawn = exam.emplace_back();
      drawn.id = candidate.id;
      drawn.revision = candidate.revision;
      drawn.kind = candidate.kind;
      drawn.critical = candidate.critical;
      if (candidate.kind == QuestionKind::choice) {
        drawn.option_order.resize(static_cast<std::size_t>(candidate.option_count));
        std::iota(drawn.option_order.begin(), drawn.option_order.end(), 0);
        if (candidate.shuffle_options) rng.shuffle(std::span(drawn.option_order));
      }
    }
  }
  return exam;
}

std::vector<DrawnQuestion> draw_exam(const Blueprint& blueprint, std::span<const Question> bank, std::uint64_t seed,
                                     std::span<const QuestionId> recently_seen) {
  return ExamDraw(blueprint, bank).draw(seed, recently_seen);
}

}  // namespace dt::catalog
