#include "catalog/io/rejection_of.hpp"

namespace dt::catalog::io {

Rejection rejection_of(const Problem& problem, std::string section, std::size_t index, std::string key) {
  std::string field;
  for (const auto& [name, value] : problem.extensions()) {
    if (name == "field") field = value;
  }
  std::string message = problem.detail();
  const std::string prefix = "'" + field + "': ";
  if (!field.empty() && message.starts_with(prefix)) message.erase(0, prefix.size());
  return {std::move(section), index, std::move(key), std::move(field), std::move(message), 0};
}

}  // namespace dt::catalog::io
