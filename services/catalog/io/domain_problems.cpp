#include "catalog/io/domain_problems.hpp"

#include "catalog/io/json_fields.hpp"

namespace dt::catalog::io {

void throw_if_invalid(const ValidationProblems& problems, const std::string& path) {
  if (problems.empty()) return;
  constexpr std::size_t kListed = 10;
  std::string message = problems.front().message;
  for (std::size_t i = 1; i < problems.size() && i <= kListed; ++i) {
    message += i == 1 ? " (also " : "; ";
    message += "'" + field_path(path, problems[i].field) + "': " + problems[i].message;
  }
  if (problems.size() > kListed + 1) message += "; and " + std::to_string(problems.size() - kListed - 1) + " more";
  if (problems.size() > 1) message += ")";
  throw_invalid(field_path(path, problems.front().field), message);
}

}  // namespace dt::catalog::io
