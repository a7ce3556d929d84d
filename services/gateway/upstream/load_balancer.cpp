#include "gateway/upstream/load_balancer.hpp"

#include <array>

#include "gateway/upstream/outlier_detector.hpp"

namespace dt::gateway::upstream {
namespace {

// Up to this many candidates are kept on the stack; services have a handful of instances.
constexpr std::size_t kInline = 16;

struct Candidates {
  std::array<Host*, kInline> inline_items{};
  std::vector<Host*> more;
  std::size_t size = 0;

  void add(Host* host) {
    if (size < kInline) {
      inline_items[size] = host;
    } else {
      more.push_back(host);
    }
    ++size;
  }
  Host* operator[](std::size_t i) const { return i < kInline ? inline_items[i] : more[i - kInline]; }
};

Candidates candidates_of(const HostList& hosts, const PickContext& context) {
  Candidates out;
  for (const auto& host : hosts) {
    if (host.get() != context.exclude && is_available(*host, context.now)) out.add(host.get());
  }
  if (out.size > 0) return out;
  for (const auto& host : hosts) {
    if (host.get() != context.exclude) out.add(host.get());
  }
  return out;
}

std::shared_ptr<Host> shared(const HostList& hosts, const Host* chosen) {
  for (const auto& host : hosts) {
    if (host.get() == chosen) return host;
  }
  return nullptr;
}

}  // namespace

std::shared_ptr<Host> pick_host(const HostList& hosts, config::LoadBalancing policy, const PickContext& context) {
  const Candidates candidates = candidates_of(hosts, context);
  if (candidates.size == 0) return nullptr;
  if (candidates.size == 1) return shared(hosts, candidates[0]);
  if (policy == config::LoadBalancing::round_robin) {
    const auto turn = context.round_robin->fetch_add(1, std::memory_order_relaxed);
    return shared(hosts, candidates[turn % candidates.size]);
  }
  std::uniform_int_distribution<std::size_t> first_draw(0, candidates.size - 1);
  std::uniform_int_distribution<std::size_t> second_draw(0, candidates.size - 2);
  const std::size_t a = first_draw(*context.random);
  std::size_t b = second_draw(*context.random);
  if (b >= a) ++b;
  Host* first = candidates[a];
  Host* second = candidates[b];
  const bool second_is_idler =
      second->outstanding.load(std::memory_order_relaxed) < first->outstanding.load(std::memory_order_relaxed);
  return shared(hosts, second_is_idler ? second : first);
}

}  // namespace dt::gateway::upstream
