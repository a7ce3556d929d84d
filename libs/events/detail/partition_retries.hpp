#pragma once
// Internal: the Consumer's bookkeeping of partitions paused after a handler failure. Each failure of a
// partition's current message doubles its backoff (from `first` up to `max`); a success forgets the partition.
// No Kafka here: the Consumer pauses and resumes what this tells it.
#include <chrono>
#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace dt::events::detail {

struct PartitionId {
  std::string topic;
  std::int32_t partition = 0;
  auto operator<=>(const PartitionId&) const = default;
};

class PartitionRetries {
 public:
  using Clock = std::chrono::steady_clock;

  PartitionRetries(std::chrono::milliseconds first, std::chrono::milliseconds max) : first_(first), max_(max) {}

  // The message in hand on `id` failed again: returns how long the partition stays paused.
  std::chrono::milliseconds failed(const PartitionId& id, Clock::time_point now);
  // Paused partitions whose backoff has passed; each is returned once (it counts as resumed from then on).
  std::vector<PartitionId> due(Clock::time_point now);
  // The message in hand on `id` was handled, or the partition was revoked: forget its failures.
  void forget(const PartitionId& id) { entries_.erase(id); }
  // Consecutive failures of the message in hand on `id`.
  int failures(const PartitionId& id) const;

 private:
  struct Entry {
    int failures = 0;
    std::chrono::milliseconds backoff{0};
    Clock::time_point resume_at;
    bool paused = false;
  };
  std::chrono::milliseconds first_;
  std::chrono::milliseconds max_;
  std::map<PartitionId, Entry> entries_;
};

}  // namespace dt::events::detail
