#pragma once
// ValidationProblem: one thing wrong with a submitted question or blueprint, named by its field path in the
// bank format ("options[2].text.vi", "quotas[1].count") so the admin UI and the import report can point at it.
// Validators return every problem at once rather than stopping at the first.
#include <string>
#include <vector>

namespace dt::catalog {

struct ValidationProblem {
  std::string field;
  std::string message;

  friend bool operator==(const ValidationProblem&, const ValidationProblem&) = default;
};

using ValidationProblems = std::vector<ValidationProblem>;

}  // namespace dt::catalog
