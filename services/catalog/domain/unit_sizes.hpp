#pragma once
// UnitSizes: the multiset of sizes of the units (single questions or whole groups) a quota may still draw from,
// answering "can some of them add up to exactly n questions?" (bounded subset sum). With groups of 3 and 2 and
// no single questions left, a quota of 4 can be filled by 2 + 2 but not by taking the 3 first; the draw asks
// this before taking each unit so it never paints itself into a corner.
#include <utility>
#include <vector>

namespace dt::catalog {

class UnitSizes {
 public:
  void add(int size);
  void remove(int size);  // one unit of that size; it must be present
  int total() const { return total_; }
  // Whether a sub-multiset sums to exactly `target` (0 always can).
  bool can_make(int target) const;

 private:
  std::vector<std::pair<int, int>> counts_;  // (size, how many), few distinct sizes
  int total_ = 0;
  mutable std::vector<char> reachable_;  // scratch for can_make, kept to avoid an allocation per call
};

}  // namespace dt::catalog
