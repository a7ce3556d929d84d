#include "catalog/domain/leitner.hpp"

#include <algorithm>
#include <tuple>

namespace dt::catalog {

namespace {

LeitnerCard in_box(QuestionId question, int box, Date today) {
  return {question, box, today + std::chrono::days{kLeitnerIntervals[static_cast<std::size_t>(box - 1)]}};
}

}  // namespace

std::optional<LeitnerCard> review(const std::optional<LeitnerCard>& card, QuestionId question, bool correct,
                                  Date today) {
  if (!correct) return in_box(question, 1, today);
  if (!card) return std::nullopt;
  const int box = std::clamp(card->box, 1, kLeitnerBoxes);
  if (box == kLeitnerBoxes) return std::nullopt;
  return in_box(question, box + 1, today);
}

std::vector<QuestionId> due(std::span<const LeitnerCard> queue, Date today) {
  std::vector<const LeitnerCard*> ready;
  for (const LeitnerCard& card : queue) {
    if (card.due <= today) ready.push_back(&card);
  }
  std::sort(ready.begin(), ready.end(), [](const LeitnerCard* a, const LeitnerCard* b) {
    return std::tie(a->due, a->box, a->question) < std::tie(b->due, b->box, b->question);
  });
  std::vector<QuestionId> ids;
  ids.reserve(ready.size());
  for (const LeitnerCard* card : ready) ids.push_back(card->question);
  return ids;
}

}  // namespace dt::catalog
