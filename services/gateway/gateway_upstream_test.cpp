// Instances as the registry lists them: added and removed while traffic flows, none at all (503), one that does
// not answer in time (504), one that cannot be reached (idempotent requests retried elsewhere, others never;
// the instance ejected), an answer over the route's limit (502).
#include <gtest/gtest.h>

#include <boost/asio/io_context.hpp>

#include <set>
#include <thread>

#include "gateway/test_support/echo_upstream.hpp"
#include "gateway/test_support/gateway_harness.hpp"
#include "registry/registration.hpp"

namespace {

using dt::gateway::testing::EchoUpstream;
using dt::gateway::testing::etcd_url;
using dt::gateway::testing::eventually;
using dt::gateway::testing::for_service;
using dt::gateway::testing::GatewayHarness;
using dt::gateway::testing::unique_service;
using namespace std::chrono_literals;

constexpr const char* kRoutes = R"({
  "services": {"SVC": {"load_balancer": "round_robin",
                       "outlier": {"consecutive_failures": 2, "base_ejection_ms": 30000}}},
  "routes": [
    {"name": "read", "methods": ["GET"], "upstream_path": "/api/read/**", "service": "SVC", "timeout_ms": 300},
    {"name": "write", "methods": ["POST"], "upstream_path": "/api/write/**", "service": "SVC"},
    {"name": "small", "methods": ["GET"], "upstream_path": "/api/small", "service": "SVC", "max_response_bytes": 100},
    {"name": "nobody", "methods": ["GET"], "upstream_path": "/api/nobody", "service": "SVC-none"}
  ]})";

// An instance registered in etcd where nothing listens: what a crashed process looks like until its lease ends.
class DeadInstance {
 public:
  DeadInstance(const std::string& service, const std::string& etcd) {
    dt::registry::ServiceInstance instance;
    instance.service = service;
    instance.id = service + "-dead";
    instance.address = "127.0.0.1";
    instance.port = dt::gateway::testing::unused_port();
    instance.version = "test";
    instance.health_url = instance.base_url() + "/health/ready";
    dt::registry::RegistrationOptions options;
    options.etcd_url = etcd;
    registration_ = std::make_unique<dt::registry::Registration>(io_.get_executor(), options, instance);
    registration_->start();
    thread_ = std::thread([this] { io_.run(); });
  }
  ~DeadInstance() {
    registration_->stop();
    work_.reset();
    io_.stop();
    thread_.join();
  }

 private:
  boost::asio::io_context io_;
  boost::asio::executor_work_guard<boost::asio::io_context::executor_type> work_{io_.get_executor()};
  std::unique_ptr<dt::registry::Registration> registration_;
  std::thread thread_;
};

class GatewayUpstreams : public ::testing::Test {
 protected:
  std::string service = unique_service("up");
  GatewayHarness gateway{for_service(kRoutes, service)};

  double counter(const std::string& name) { return gateway.metric(name + "{service=\"" + service + "\"}"); }
};

TEST_F(GatewayUpstreams, InstancesAddedAndRemovedWhileTrafficFlows) {
  auto first = std::make_unique<EchoUpstream>(service, etcd_url());
  ASSERT_TRUE(gateway.wait_for_instances(service, 1, 5s));
  std::atomic<bool> running{true};
  std::atomic<int> failures{0};
  std::atomic<int> answered{0};
  std::thread load([&] {
    while (running) {
      const auto reply = gateway.call("GET", "/api/read/x");
      (reply.status == 200 ? answered : failures)++;
    }
  });
  auto second = std::make_unique<EchoUpstream>(service, etcd_url());
  ASSERT_TRUE(gateway.wait_for_instances(service, 2, 5s));
  const long before = second->requests();
  EXPECT_TRUE(eventually([&] { return second->requests() > before + 5; }, 5s)) << "the new instance gets traffic";
  first->stop();
  ASSERT_TRUE(gateway.wait_for_instances(service, 1, 5s));
  const long first_total = first->requests();
  const int answered_then = answered.load();
  EXPECT_TRUE(eventually([&] { return answered.load() > answered_then + 20; }, 5s));
  running = false;
  load.join();
  EXPECT_EQ(first->requests(), first_total) << "a removed instance gets nothing";
  EXPECT_EQ(failures.load(), 0);
  EXPECT_GT(answered.load(), 40);
}

TEST_F(GatewayUpstreams, NoInstanceIs503) {
  const auto reply = gateway.call("GET", "/api/read/x");
  EXPECT_EQ(reply.status, 503);
  EXPECT_EQ(reply.header("content-type"), "application/problem+json");
  EXPECT_NE(reply.text.find("no instance of the " + service + " service"), std::string::npos) << reply.text;
  EXPECT_EQ(counter("dt_gateway_no_instance_total"), 1);
  EXPECT_EQ(gateway.call("GET", "/api/nobody").status, 503);
}

TEST_F(GatewayUpstreams, AnInstanceTooSlowForTheRouteIs504) {
  EchoUpstream upstream(service, etcd_url());
  ASSERT_TRUE(gateway.wait_for_instances(service, 1, 5s));
  const auto start = std::chrono::steady_clock::now();
  const auto reply = gateway.call("GET", "/api/read/slow?delay_ms=3000");
  const auto took = std::chrono::steady_clock::now() - start;
  EXPECT_EQ(reply.status, 504);
  EXPECT_LT(took, 2s);
  EXPECT_EQ(counter("dt_gateway_upstream_retries_total"), 0) << "a timeout is not retried";
  EXPECT_EQ(gateway.call("GET", "/api/read/fast?delay_ms=10").status, 200);
}

TEST_F(GatewayUpstreams, IdempotentRequestsAreRetriedOnAnotherInstanceAndTheDeadOneEjected) {
  EchoUpstream live(service, etcd_url());
  DeadInstance dead(service, etcd_url());
  ASSERT_TRUE(gateway.wait_for_instances(service, 2, 5s));
  for (int i = 0; i < 10; ++i) {
    const auto reply = gateway.call("GET", "/api/read/x");
    EXPECT_EQ(reply.status, 200) << reply.text;
  }
  EXPECT_EQ(live.requests(), 10);
  EXPECT_EQ(counter("dt_gateway_upstream_retries_total"), 2);
  EXPECT_EQ(counter("dt_gateway_upstream_ejections_total"), 1);
}

TEST_F(GatewayUpstreams, NonIdempotentRequestsAreNeverRetried) {
  EchoUpstream live(service, etcd_url());
  DeadInstance dead(service, etcd_url());
  ASSERT_TRUE(gateway.wait_for_instances(service, 2, 5s));
  int unavailable = 0;
  int created = 0;
  for (int i = 0; i < 10; ++i) {
    const auto reply = gateway.call("POST", "/api/write/x", "{}");
    if (reply.status == 503) ++unavailable;
    if (reply.status == 200) ++created;
  }
  EXPECT_EQ(unavailable, 2) << "round robin sends two to the dead instance before it is ejected";
  EXPECT_EQ(created, 8);
  EXPECT_EQ(live.requests(), 8);
  EXPECT_EQ(counter("dt_gateway_upstream_retries_total"), 0);
}

TEST_F(GatewayUpstreams, AConnectionTheInstanceClosedWhileIdleIsReplacedEvenForAPost) {
  EchoUpstream upstream(service, etcd_url(), 100ms);
  ASSERT_TRUE(gateway.wait_for_instances(service, 1, 5s));
  EXPECT_EQ(gateway.call("POST", "/api/write/x", "{}").status, 200);
  std::this_thread::sleep_for(300ms);  // the instance closes the kept-alive connection
  EXPECT_EQ(gateway.call("POST", "/api/write/x", "{}").status, 200);
  EXPECT_EQ(upstream.requests(), 2);
  EXPECT_EQ(counter("dt_gateway_upstream_retries_total"), 0);
  EXPECT_EQ(gateway.metric(R"(dt_gateway_upstream_requests_total{service=")" + service + R"(",outcome="protocol"})"),
            0);
}

TEST_F(GatewayUpstreams, AnAnswerOverTheRoutesLimitIs502) {
  EchoUpstream upstream(service, etcd_url());
  ASSERT_TRUE(gateway.wait_for_instances(service, 1, 5s));
  const auto reply = gateway.call("GET", "/api/small");
  EXPECT_EQ(reply.status, 502);
  EXPECT_EQ(upstream.requests(), 1);
}

}  // namespace
