#include "catalog/domain/mistakes.hpp"

#include <algorithm>
#include <unordered_map>

namespace dt::catalog {

std::vector<Mistake> mistakes(std::span<const LoggedAnswer> log) {
  std::unordered_map<QuestionId, Mistake> open;
  for (const LoggedAnswer& entry : log) {
    if (entry.correct) {
      open.erase(entry.question);
      continue;
    }
    Mistake& mistake = open[entry.question];
    mistake.question = entry.question;
    mistake.last_wrong_at = entry.at;
    ++mistake.times_wrong;
  }
  std::vector<Mistake> list;
  list.reserve(open.size());
  for (auto& [id, mistake] : open) list.push_back(mistake);
  std::sort(list.begin(), list.end(), [](const Mistake& a, const Mistake& b) {
    return a.last_wrong_at != b.last_wrong_at ? a.last_wrong_at > b.last_wrong_at : a.question < b.question;
  });
  return list;
}

}  // namespace dt::catalog
