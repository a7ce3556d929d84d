#include "gateway/upstream/load_balancer.hpp"

#include <gtest/gtest.h>

#include <map>

#include "gateway/upstream/outlier_detector.hpp"

namespace {

using namespace std::chrono_literals;
using dt::gateway::config::LoadBalancing;
using dt::gateway::upstream::Clock;
using dt::gateway::upstream::Host;
using dt::gateway::upstream::HostList;
using dt::gateway::upstream::pick_host;
using dt::gateway::upstream::PickContext;

HostList hosts(int n) {
  HostList list;
  for (int i = 0; i < n; ++i) {
    dt::registry::ServiceInstance instance;
    instance.id = "h" + std::to_string(i);
    list.push_back(std::make_shared<Host>(instance));
  }
  return list;
}

const Clock::time_point now = Clock::time_point(std::chrono::hours(1));

struct Picker {
  std::atomic<std::uint64_t> counter{0};
  std::minstd_rand random{42};
  const Host* exclude = nullptr;
  std::shared_ptr<Host> pick(const HostList& list, LoadBalancing policy) {
    return pick_host(list, policy,
                     PickContext{.now = now, .exclude = exclude, .round_robin = &counter, .random = &random});
  }
};

void eject(Host& host) {
  dt::gateway::config::OutlierOptions options;
  options.consecutive_failures = 1;
  dt::gateway::upstream::record_failure(host, options, now);
}

TEST(LoadBalancer, RoundRobinTakesEachInTurn) {
  const auto list = hosts(3);
  Picker picker;
  std::vector<std::string> order;
  for (int i = 0; i < 6; ++i) order.push_back(picker.pick(list, LoadBalancing::round_robin)->instance.id);
  EXPECT_EQ(order, (std::vector<std::string>{"h0", "h1", "h2", "h0", "h1", "h2"}));
}

TEST(LoadBalancer, LeastRequestPrefersTheIdlerOfTwo) {
  const auto list = hosts(2);
  list[0]->outstanding = 5;
  Picker picker;
  for (int i = 0; i < 50; ++i) EXPECT_EQ(picker.pick(list, LoadBalancing::least_request)->instance.id, "h1");
}

TEST(LoadBalancer, LeastRequestSpreadsEqualHosts) {
  const auto list = hosts(4);
  Picker picker;
  std::map<std::string, int> seen;
  for (int i = 0; i < 400; ++i) ++seen[picker.pick(list, LoadBalancing::least_request)->instance.id];
  EXPECT_EQ(seen.size(), 4u);
  for (const auto& [id, n] : seen) EXPECT_GT(n, 40) << id;
}

TEST(LoadBalancer, LeastRequestNeverPicksTheBusiestOfMany) {
  const auto list = hosts(3);
  list[2]->outstanding = 9;
  Picker picker;
  for (int i = 0; i < 100; ++i) EXPECT_NE(picker.pick(list, LoadBalancing::least_request)->instance.id, "h2");
}

TEST(LoadBalancer, EjectedHostsAndTheExcludedOneAreSkipped) {
  const auto list = hosts(3);
  eject(*list[0]);
  Picker picker;
  picker.exclude = list[1].get();
  for (auto policy : {LoadBalancing::round_robin, LoadBalancing::least_request}) {
    for (int i = 0; i < 20; ++i) EXPECT_EQ(picker.pick(list, policy)->instance.id, "h2");
  }
}

TEST(LoadBalancer, WhenEveryHostIsEjectedAllAreTriedAgain) {
  const auto list = hosts(2);
  eject(*list[0]);
  eject(*list[1]);
  Picker picker;
  EXPECT_NE(picker.pick(list, LoadBalancing::least_request), nullptr);
  picker.exclude = list[0].get();
  EXPECT_EQ(picker.pick(list, LoadBalancing::round_robin)->instance.id, "h1");
}

TEST(LoadBalancer, NothingBesidesTheExcludedHostMeansNull) {
  const auto list = hosts(1);
  Picker picker;
  EXPECT_EQ(picker.pick(hosts(0), LoadBalancing::least_request), nullptr);
  picker.exclude = list[0].get();
  EXPECT_EQ(picker.pick(list, LoadBalancing::least_request), nullptr);
}

}  // namespace
