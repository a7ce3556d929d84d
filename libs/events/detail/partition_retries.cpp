// Internal: backoff bookkeeping of the partitions a Consumer paused after handler failures.
#include "events/detail/partition_retries.hpp"

#include <algorithm>

namespace dt::events::detail {

std::chrono::milliseconds PartitionRetries::failed(const PartitionId& id, Clock::time_point now) {
  Entry& entry = entries_[id];
  ++entry.failures;
  entry.backoff = entry.failures == 1 ? first_ : std::min(entry.backoff * 2, max_);
  entry.resume_at = now + entry.backoff;
  entry.paused = true;
  return entry.backoff;
}

std::vector<PartitionId> PartitionRetries::due(Clock::time_point now) {
  std::vector<PartitionId> ready;
  for (auto& [id, entry] : entries_) {
    if (entry.paused && entry.resume_at <= now) {
      entry.paused = false;
      ready.push_back(id);
    }
  }
  return ready;
}

int PartitionRetries::failures(const PartitionId& id) const {
  const auto it = entries_.find(id);
  return it == entries_.end() ? 0 : it->second.failures;
}

}  // namespace dt::events::detail
