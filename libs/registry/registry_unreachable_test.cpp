// The registry while etcd cannot be reached (a port nobody listens on): calls fail quickly with
// RegistryUnavailable, a registration keeps retrying without throwing, a watch stays silent.
#include <gtest/gtest.h>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/use_future.hpp>

#include <atomic>
#include <chrono>
#include <thread>

#include "registry/etcd_discovery.hpp"
#include "registry/registration.hpp"

#pragma GCC diagnostic ignored "-Wmismatched-new-delete"

namespace {

namespace asio = boost::asio;
using dt::registry::EtcdDiscovery;
using dt::registry::EtcdDiscoveryOptions;
using dt::registry::Registration;
using dt::registry::RegistrationOptions;
using dt::registry::RegistryUnavailable;
using dt::registry::ServiceInstance;
using std::chrono::milliseconds;
using Clock = std::chrono::steady_clock;

// A loopback URL whose port was free a moment ago: connecting is refused.
std::string closed_port_url() {
  asio::io_context io;
  asio::ip::tcp::acceptor acceptor(io, {asio::ip::make_address("127.0.0.1"), 0});
  const auto port = acceptor.local_endpoint().port();
  return "http://127.0.0.1:" + std::to_string(port);
}

class RegistryUnreachable : public ::testing::Test {
 protected:
  void SetUp() override {
    thread_ = std::thread([this] { io_.run(); });
  }
  void TearDown() override {
    work_.reset();
    thread_.join();
  }

  asio::io_context io_;
  asio::executor_work_guard<asio::io_context::executor_type> work_{io_.get_executor()};
  std::thread thread_;
  const std::string url_ = closed_port_url();
};

TEST_F(RegistryUnreachable, InstancesThrowsRegistryUnavailable) {
  EtcdDiscovery discovery(io_.get_executor(), {.etcd_url = url_, .request_timeout = milliseconds(1000)});
  const auto start = Clock::now();
  auto result = asio::co_spawn(io_, discovery.instances("catalog"), asio::use_future);
  EXPECT_THROW(result.get(), RegistryUnavailable);
  EXPECT_LT(Clock::now() - start, milliseconds(1500));
}

TEST_F(RegistryUnreachable, ARegistrationRetriesWithoutThrowingAndStopsAtOnce) {
  ServiceInstance self;
  self.service = "catalog";
  self.id = "catalog-unreachable";
  self.address = "127.0.0.1";
  self.port = 1;
  RegistrationOptions options;
  options.etcd_url = url_;
  options.ttl = std::chrono::seconds(2);
  Registration registration(io_.get_executor(), options, self);
  registration.start();
  std::this_thread::sleep_for(milliseconds(1200));  // a few attempts with backoff
  EXPECT_FALSE(registration.registered());
  const auto start = Clock::now();
  registration.stop();  // nothing to revoke
  EXPECT_LT(Clock::now() - start, milliseconds(100));
}

TEST_F(RegistryUnreachable, AWatchCallsNothingWhileEtcdIsDown) {
  std::atomic<int> calls{0};
  {
    EtcdDiscovery discovery(io_.get_executor(), {.etcd_url = url_, .poll_interval = milliseconds(50)});
    discovery.watch("catalog", [&calls](std::vector<ServiceInstance>) { ++calls; });
    std::this_thread::sleep_for(milliseconds(500));
  }
  EXPECT_EQ(calls, 0);
}

TEST(RegistryOptions, MalformedSettingsAreRefused) {
  asio::io_context io;
  EXPECT_THROW(EtcdDiscovery(io.get_executor(), {.etcd_url = "etcd:2379"}), std::invalid_argument);
  EXPECT_THROW(EtcdDiscovery(io.get_executor(), {.etcd_url = "http://127.0.0.1:2379/v3"}), std::invalid_argument);
  ServiceInstance self;
  self.service = "Bad Name";
  self.id = "x";
  EXPECT_THROW(Registration(io.get_executor(), {}, self), std::invalid_argument);
  self.service = "ok";
  RegistrationOptions short_ttl;
  short_ttl.ttl = std::chrono::seconds(0);
  EXPECT_THROW(Registration(io.get_executor(), short_ttl, self), std::invalid_argument);
  EtcdDiscovery discovery(io.get_executor(), {});
  EXPECT_THROW(discovery.watch("Bad Name", [](std::vector<ServiceInstance>) {}), std::invalid_argument);
}

}  // namespace
