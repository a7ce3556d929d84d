#pragma once
// Helpers shared by the draw tests: look drawn questions up in their bank and count them by quota.
#include <map>
#include <vector>

#include "catalog/domain/blueprint.hpp"
#include "catalog/domain/drawn_question.hpp"
#include "catalog/domain/question.hpp"

namespace dt::catalog::fixtures {

inline std::map<QuestionId, const Question*> by_id(const std::vector<Question>& bank) {
  std::map<QuestionId, const Question*> index;
  for (const Question& q : bank) index[q.id] = &q;
  return index;
}

// Questions per quota (index -1: critical; -2: in no quota, which must never happen).
inline std::map<int, int> count_by_quota(const Blueprint& blueprint, const std::vector<DrawnQuestion>& exam,
                                         const std::map<QuestionId, const Question*>& bank) {
  std::map<int, int> counts;
  for (const DrawnQuestion& drawn : exam) {
    const Question& q = *bank.at(drawn.id);
    const int quota = q.critical ? -1 : blueprint.quota_of(q.topic, q.weight);
    ++counts[quota == -1 && !q.critical ? -2 : quota];
  }
  return counts;
}

inline std::vector<QuestionId> ids(const std::vector<DrawnQuestion>& exam) {
  std::vector<QuestionId> list;
  for (const DrawnQuestion& drawn : exam) list.push_back(drawn.id);
  return list;
}

}  // namespace dt::catalog::fixtures
