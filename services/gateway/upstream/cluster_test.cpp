#include "gateway/upstream/cluster.hpp"

#include <gtest/gtest.h>

namespace {

using dt::gateway::config::LoadBalancing;
using dt::gateway::upstream::Clock;
using dt::gateway::upstream::Cluster;
using dt::registry::ServiceInstance;

ServiceInstance instance(const std::string& id, std::uint16_t port) {
  ServiceInstance i;
  i.service = "catalog";
  i.id = id;
  i.address = "127.0.0.1";
  i.port = port;
  return i;
}

TEST(Cluster, KeepsTheStateOfInstancesThatStay) {
  Cluster cluster("catalog");
  EXPECT_EQ(cluster.pick(LoadBalancing::least_request, Clock::now()), nullptr);
  cluster.update({instance("a", 1), instance("b", 2)});
  const auto a = cluster.hosts()->at(0);
  a->outstanding = 3;
  cluster.update({instance("a", 1), instance("c", 3)});
  const auto list = cluster.hosts();
  ASSERT_EQ(list->size(), 2u);
  EXPECT_EQ(list->at(0), a);
  EXPECT_EQ(list->at(0)->outstanding.load(), 3);
  EXPECT_EQ(list->at(1)->instance.id, "c");
}

TEST(Cluster, AnInstanceAtANewAddressIsANewHost) {
  Cluster cluster("catalog");
  cluster.update({instance("a", 1)});
  const auto before = cluster.hosts()->at(0);
  cluster.update({instance("a", 9)});
  EXPECT_NE(cluster.hosts()->at(0), before);
  EXPECT_EQ(cluster.hosts()->at(0)->instance.port, 9);
}

TEST(Cluster, ARemovedHostLivesOnWhileARequestHoldsIt) {
  Cluster cluster("catalog");
  cluster.update({instance("a", 1)});
  const auto held = cluster.pick(LoadBalancing::round_robin, Clock::now());
  cluster.update({});
  EXPECT_EQ(cluster.pick(LoadBalancing::round_robin, Clock::now()), nullptr);
  EXPECT_EQ(held->instance.id, "a");
}

}  // namespace
