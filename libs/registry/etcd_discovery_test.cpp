// EtcdDiscovery against the real etcd (DT_ETCD_URL): instances() and watch() seeing instances come and go.
#include "registry/etcd_discovery.hpp"

#include <mutex>

#include "registry/registration.hpp"
#include "registry/test_support/etcd_test.hpp"

namespace {

using dt::registry::EtcdDiscovery;
using dt::registry::EtcdDiscoveryOptions;
using dt::registry::Registration;
using dt::registry::RegistrationOptions;
using dt::registry::ServiceInstance;
using dt::registry::testing::eventually;
using dt::registry::testing::milliseconds;

// What a watch reported, in order.
class Recorder {
 public:
  dt::registry::Discovery::OnChange callback() {
    return [this](std::vector<ServiceInstance> list) {
      std::lock_guard lock(mutex_);
      calls_.push_back(std::move(list));
    };
  }
  std::vector<std::vector<ServiceInstance>> calls() {
    std::lock_guard lock(mutex_);
    return calls_;
  }
  std::size_t count() { return calls().size(); }
  bool last_is(const std::vector<ServiceInstance>& expected) {
    const auto all = calls();
    return !all.empty() && all.back() == expected;
  }

 private:
  std::mutex mutex_;
  std::vector<std::vector<ServiceInstance>> calls_;
};

class EtcdDiscoveryTest : public dt::registry::testing::EtcdTest {
 protected:
  EtcdDiscoveryOptions discovery_options() const { return {.etcd_url = url_, .poll_interval = milliseconds(100)}; }
  RegistrationOptions registration_options() const {
    RegistrationOptions o;
    o.etcd_url = url_;
    o.ttl = std::chrono::seconds(2);
    return o;
  }
};

TEST_F(EtcdDiscoveryTest, WatchReportsTheFullListOnEveryChangeAndOnlyThen) {
  const ServiceInstance a = instance("a", 1001);
  const ServiceInstance b = instance("b", 1002);
  Recorder recorder;
  EtcdDiscovery discovery(io_.get_executor(), discovery_options());
  discovery.watch(service_, recorder.callback());
  ASSERT_TRUE(eventually([&] { return recorder.count() == 1; }, milliseconds(2000)));
  EXPECT_TRUE(recorder.last_is({})) << "the first call says what is known, even nothing";

  Registration first(io_.get_executor(), registration_options(), a);
  first.start();
  ASSERT_TRUE(eventually([&] { return recorder.last_is({a}); }, milliseconds(3000)));
  Registration second(io_.get_executor(), registration_options(), b);
  second.start();
  ASSERT_TRUE(eventually([&] { return recorder.last_is({a, b}); }, milliseconds(3000)));

  const auto before = recorder.count();
  std::this_thread::sleep_for(milliseconds(2500));  // polls and keep-alive renewals, no change
  EXPECT_EQ(recorder.count(), before) << "no call without a change";

  first.stop();
  ASSERT_TRUE(eventually([&] { return recorder.last_is({b}); }, milliseconds(1000)))
      << "a deregistration shows within the poll interval";
  second.stop();
  ASSERT_TRUE(eventually([&] { return recorder.last_is({}); }, milliseconds(1000)));
  EXPECT_EQ(recorder.count(), before + 2);
}

TEST_F(EtcdDiscoveryTest, InvalidValuesUnderTheServicePrefixAreIgnored) {
  const ServiceInstance a = instance("a", 1001);
  const std::string prefix = dt::registry::service_prefix(service_);
  sync(etcd_->put(prefix + "a", dt::registry::to_json(a), 0));
  sync(etcd_->put(prefix + "garbage", "not json", 0));
  sync(etcd_->put(prefix + "elsewhere", dt::registry::to_json(a), 0));  // its id does not match the key
  EtcdDiscovery discovery(io_.get_executor(), discovery_options());
  EXPECT_EQ(sync(discovery.instances(service_)), std::vector<ServiceInstance>{a});

  Recorder recorder;
  discovery.watch(service_, recorder.callback());
  ASSERT_TRUE(eventually([&] { return recorder.count() == 1; }, milliseconds(2000)));
  EXPECT_TRUE(recorder.last_is({a}));
}

TEST_F(EtcdDiscoveryTest, AFailingCallbackDoesNotEndTheWatch) {
  std::atomic<int> calls{0};
  EtcdDiscovery discovery(io_.get_executor(), discovery_options());
  discovery.watch(service_, [&calls](std::vector<ServiceInstance>) {
    ++calls;
    throw std::runtime_error("callback failed");
  });
  ASSERT_TRUE(eventually([&] { return calls == 1; }, milliseconds(2000)));
  Registration registration(io_.get_executor(), registration_options(), instance("a", 1001));
  registration.start();
  EXPECT_TRUE(eventually([&] { return calls == 2; }, milliseconds(3000)));
  registration.stop();
}

}  // namespace
