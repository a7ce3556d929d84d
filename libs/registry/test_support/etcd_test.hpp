#pragma once
// Test support for the tests against the real etcd of infra/etcd.sh (DT_ETCD_URL, set by `. infra/env.sh`).
// EtcdTest gives each test a service name of its own ("t-<pid>-<n>-<name>"), deletes that service's keys
// afterwards, and runs an io_context on a background thread: registrations and watches work there while the
// test thread waits for what they do (eventually) or blocks on one call (sync).
#include <gtest/gtest.h>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/use_future.hpp>

#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <functional>
#include <string>
#include <thread>

#include "registry/etcd_client.hpp"
#include "registry/registry_keys.hpp"
#include "registry/service_instance.hpp"

// GCC 12 false positive (GCC PR 109224): Asio 1.81 allocates big coroutine frames with aligned_alloc and frees
// them in its operator delete; once a test's coroutine lambda is inlined, GCC calls the pair mismatched.
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"

namespace dt::registry::testing {

using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

// The etcd URL for tests; fails the test when DT_ETCD_URL is unset.
inline std::string etcd_url_or_fail() {
  const char* url = std::getenv("DT_ETCD_URL");
  if (url == nullptr || *url == '\0') {
    ADD_FAILURE() << "DT_ETCD_URL is not set: these tests need the project's etcd. Run `bash infra/etcd.sh start` "
                     "and `. infra/env.sh` first (or run them through the project's test script).";
    return {};
  }
  return url;
}

// Polls condition every 50 ms until it holds (true) or timeout passes (false).
inline bool eventually(const std::function<bool()>& condition, milliseconds timeout) {
  const auto deadline = Clock::now() + timeout;
  while (!condition()) {
    if (Clock::now() >= deadline) return false;
    std::this_thread::sleep_for(milliseconds(50));
  }
  return true;
}

class EtcdTest : public ::testing::Test {
 protected:
  void SetUp() override {
    url_ = etcd_url_or_fail();
    ASSERT_FALSE(url_.empty());
    static std::atomic<int> counter{0};
    service_ = "t-" + std::to_string(::getpid()) + "-" + std::to_string(counter++) + "-" +
               std::to_string(Clock::now().time_since_epoch().count() % 100000);
    etcd_ = std::make_unique<EtcdClient>(io_.get_executor(), url_, milliseconds(2000));
    thread_ = std::thread([this] { io_.run(); });
  }

  void TearDown() override {
    if (etcd_) {
      try {
        sync(etcd_->delete_prefix(service_prefix(service_)));
      } catch (const std::exception& e) {
        ADD_FAILURE() << "cleaning up " << service_prefix(service_) << ": " << e.what();
      }
    }
    work_.reset();
    if (thread_.joinable()) thread_.join();
    etcd_.reset();
  }

  // Runs op on the background io_context and waits for its result; rethrows what it threw.
  template <class T>
  T sync(Awaitable<T> op) {
    return boost::asio::co_spawn(io_, std::move(op), boost::asio::use_future).get();
  }

  ServiceInstance instance(const std::string& id, std::uint16_t port) const {
    ServiceInstance self;
    self.service = service_;
    self.id = id;
    self.address = "127.0.0.1";
    self.port = port;
    self.version = "test";
    self.health_url = self.base_url() + "/health/ready";
    return self;
  }

  // The keys under this test's service prefix, read straight from etcd.
  std::size_t keys_in_etcd() { return sync(etcd_->range_prefix(service_prefix(service_))).kvs.size(); }

  boost::asio::io_context io_;
  boost::asio::executor_work_guard<boost::asio::io_context::executor_type> work_{io_.get_executor()};
  std::thread thread_;
  std::string url_;
  std::string service_;
  std::unique_ptr<EtcdClient> etcd_;
};

}  // namespace dt::registry::testing
