#pragma once
// Leitner: spaced repetition of a learner's practice questions in five boxes. A wrong answer puts the question
// in box 1, due the next day; a right answer moves it up one box, due after that box's interval; a right answer
// in box 5 graduates it (it leaves the queue). A question not in the queue enters it only by a wrong answer.
//
// Days, not instants: learners think "due tomorrow", not "due in 24 hours". The caller passes the learner's
// local date (it knows their time zone); the store keeps one LeitnerCard row per (user, question).
#include <array>
#include <optional>
#include <span>
#include <vector>

#include "catalog/domain/date.hpp"
#include "catalog/domain/question.hpp"

namespace dt::catalog {

inline constexpr int kLeitnerBoxes = 5;
// Days until due after landing in box 1..5.
inline constexpr std::array<int, kLeitnerBoxes> kLeitnerIntervals{1, 2, 4, 8, 16};

struct LeitnerCard {
  QuestionId question = 0;
  int box = 1;  // 1..5
  Date due{};

  friend bool operator==(const LeitnerCard&, const LeitnerCard&) = default;
};

// The card after answering `question` on `today`: nullopt when the question is (now) out of the queue, i.e.
// graduated from box 5, or answered right while not in the queue. `card`, when given, is the question's.
std::optional<LeitnerCard> review(const std::optional<LeitnerCard>& card, QuestionId question, bool correct,
                                  Date today);

// The questions due on or before `today`, most overdue first, then lower box first, then by id.
std::vector<QuestionId> due(std::span<const LeitnerCard> queue, Date today);

}  // namespace dt::catalog
