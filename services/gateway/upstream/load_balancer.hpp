#pragma once
// Choosing the host for a request among a service's hosts (pure: the time, the round-robin counter and the
// random source are given).
//   least_request: two distinct candidates drawn at random, the one with fewer requests in flight wins (Envoy's
//                  "power of two choices": with two hosts, simply the less busy one);
//   round_robin:   the candidates in turn.
// Candidates are the hosts not ejected, minus `exclude` (the host a retry must avoid). When every host is
// ejected, all of them are candidates again (Envoy's panic mode): trying a host that may have recovered beats
// answering 503 for certain. nullptr only when there is no host besides `exclude`.
#include <atomic>
#include <cstdint>
#include <memory>
#include <random>
#include <vector>

#include "gateway/config/gateway_config.hpp"
#include "gateway/upstream/host.hpp"

namespace dt::gateway::upstream {

using HostList = std::vector<std::shared_ptr<Host>>;

struct PickContext {
  Clock::time_point now;
  const Host* exclude = nullptr;
  std::atomic<std::uint64_t>* round_robin = nullptr;  // the service's counter
  std::minstd_rand* random = nullptr;                 // the calling thread's generator
};

std::shared_ptr<Host> pick_host(const HostList& hosts, config::LoadBalancing policy, const PickContext& context);

}  // namespace dt::gateway::upstream
