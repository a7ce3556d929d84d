#include "catalog/domain/draw_pool.hpp"

#include <algorithm>
#include <map>
#include <string_view>

#include "catalog/domain/unit_sizes.hpp"

namespace dt::catalog {

namespace {

constexpr int kNoQuota = -1;

bool eligible(const Question& question, const Blueprint& blueprint) {
  return question.status == QuestionStatus::published && question.jurisdiction == blueprint.jurisdiction &&
         (!blueprint.pool || question.in_pool(*blueprint.pool)) && question.gradable();
}

DrawCandidate candidate_of(const Question& question) {
  return {question.id,       question.revision,        question.kind,
          question.critical, question.shuffle_options, static_cast<int>(question.options.size())};
}

void finish(UnitPool& pool) {
  UnitSizes sizes;
  for (const DrawUnit& unit : pool.units) sizes.add(static_cast<int>(unit.size));
  pool.available = sizes.total();
  pool.satisfiable = sizes.can_make(pool.needed);
}

}  // namespace

DrawPool::DrawPool(const Blueprint& blueprint, std::span<const Question> bank) {
  critical_.needed = blueprint.critical.count;
  quotas_.resize(blueprint.quotas.size());
  for (std::size_t i = 0; i < quotas_.size(); ++i) quotas_[i].needed = blueprint.quotas[i].count;
  const int critical_pool = static_cast<int>(quotas_.size());

  std::vector<const Question*> drawable;
  for (const Question& question : bank) {
    if (eligible(question, blueprint)) drawable.push_back(&question);
  }
  std::sort(drawable.begin(), drawable.end(), [](const Question* a, const Question* b) {
    return a->id != b->id ? a->id < b->id : a->revision > b->revision;
  });
  // Should the bank hold two revisions of one question, only the newest is drawable: a question never twice.
  drawable.erase(std::unique(drawable.begin(), drawable.end(),
                             [](const Question* a, const Question* b) { return a->id == b->id; }),
                 drawable.end());
  const auto pool_of = [&](const Question& q) {
    return q.critical ? critical_pool : blueprint.quota_of(q.topic, q.weight);
  };

  std::map<std::string_view, std::vector<const Question*>> groups;
  for (const Question* question : drawable) {
    if (question->group) groups[*question->group].push_back(question);
  }

  const auto add_unit = [&](int pool, std::span<const Question* const> members) {
    UnitPool& target = pool == critical_pool ? critical_ : quotas_[static_cast<std::size_t>(pool)];
    target.units.push_back(
        {static_cast<std::uint32_t>(candidates_.size()), static_cast<std::uint32_t>(members.size())});
    for (const Question* member : members) candidates_.push_back(candidate_of(*member));
  };

  // In id order, a unit is emitted at its smallest member: a single question, or the first member of a group.
  for (const Question* question : drawable) {
    if (!question->group) {
      if (const int pool = pool_of(*question); pool != kNoQuota) add_unit(pool, std::span(&question, 1));
      continue;
    }
    const auto& members = groups[*question->group];
    if (members.front() != question) continue;
    const int pool = pool_of(*members.front());
    const bool one_pool =
        std::all_of(members.begin(), members.end(), [&](const Question* m) { return pool_of(*m) == pool; });
    if (one_pool) {
      if (pool != kNoQuota) add_unit(pool, members);
      continue;
    }
    GroupProblem problem{*question->group, {}, ""};
    for (const Question* member : members) problem.questions.push_back(member->id);
    problem.message = "its questions fall in different quotas (or mix critical and non-critical ones) of '" +
                      blueprint.code + "', so it is never drawn";
    group_problems_.push_back(std::move(problem));
  }

  finish(critical_);
  for (UnitPool& quota : quotas_) finish(quota);
}

}  // namespace dt::catalog
