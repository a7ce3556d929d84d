#pragma once
// Mistakes: the questions a learner answered wrong and has not answered right since, from their answer log
// (exam and practice answers alike), for the "review my mistakes" list.
#include <span>
#include <vector>

#include "catalog/domain/date.hpp"
#include "catalog/domain/question.hpp"

namespace dt::catalog {

struct LoggedAnswer {
  QuestionId question = 0;
  bool correct = false;
  TimePoint at{};
};

struct Mistake {
  QuestionId question = 0;
  TimePoint last_wrong_at{};
  int times_wrong = 0;  // wrong answers since the last right one

  friend bool operator==(const Mistake&, const Mistake&) = default;
};

// `log` in the order the answers were given (oldest first). The result is newest mistake first, then by id.
std::vector<Mistake> mistakes(std::span<const LoggedAnswer> log);

}  // namespace dt::catalog
