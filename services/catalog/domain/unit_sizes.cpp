#include "catalog/domain/unit_sizes.hpp"

#include <algorithm>

namespace dt::catalog {

void UnitSizes::add(int size) {
  total_ += size;
  for (auto& [s, n] : counts_) {
    if (s == size) {
      ++n;
      return;
    }
  }
  counts_.emplace_back(size, 1);
}

void UnitSizes::remove(int size) {
  for (auto& [s, n] : counts_) {
    if (s == size && n > 0) {
      --n;
      total_ -= size;
      return;
    }
  }
}

bool UnitSizes::can_make(int target) const {
  if (target == 0) return true;
  if (target < 0 || target > total_) return false;
  // Only single questions (the common case, no groups): any count up to the total.
  const bool only_singles =
      std::all_of(counts_.begin(), counts_.end(), [](const auto& c) { return c.first == 1 || c.second == 0; });
  if (only_singles) return true;
  reachable_.assign(static_cast<std::size_t>(target) + 1, 0);
  reachable_[0] = 1;
  for (const auto& [size, count] : counts_) {
    if (size <= 0) continue;
    // Each copy of this size is one 0/1 item; copies beyond target / size can never all fit.
    const int copies = std::min(count, target / size);
    for (int copy = 0; copy < copies; ++copy) {
      for (int sum = target; sum >= size; --sum) {
        if (reachable_[static_cast<std::size_t>(sum - size)]) reachable_[static_cast<std::size_t>(sum)] = 1;
      }
    }
  }
  return reachable_[static_cast<std::size_t>(target)] != 0;
}

}  // namespace dt::catalog
