// Registrations and watches while the real etcd restarts or is down (infra/etcd.sh from DT_SOURCE_DIR). These
// stop the shared etcd: nothing else may run beside them (SERIAL).
#include <mutex>

#include "registry/etcd_discovery.hpp"
#include "registry/registration.hpp"
#include "registry/test_support/etcd_test.hpp"
#include "testing/infra_script.hpp"

namespace {

using dt::registry::EtcdDiscovery;
using dt::registry::Registration;
using dt::registry::RegistrationOptions;
using dt::registry::ServiceInstance;
using dt::registry::testing::eventually;
using dt::registry::testing::milliseconds;
using dt::testing::infra_script;
using dt::testing::StartAgain;

class EtcdRestartTest : public dt::registry::testing::EtcdTest {
 protected:
  RegistrationOptions options() const {
    RegistrationOptions o;
    o.etcd_url = url_;
    o.ttl = std::chrono::seconds(2);
    o.request_timeout = milliseconds(1000);
    return o;
  }
};

TEST_F(EtcdRestartTest, ARegistrationComesBackAfterARestart) {
  const StartAgain start_again("etcd");
  Registration registration(io_.get_executor(), options(), instance("a", 1001));
  registration.start();
  ASSERT_TRUE(eventually([&] { return registration.registered(); }, milliseconds(3000)));

  ASSERT_TRUE(infra_script("etcd", "stop"));
  EXPECT_TRUE(eventually([&] { return !registration.registered(); }, milliseconds(3000)))
      << "a failed renewal must show";
  std::this_thread::sleep_for(milliseconds(3000));  // longer than the TTL
  ASSERT_TRUE(infra_script("etcd", "start"));

  EXPECT_TRUE(eventually([&] { return registration.registered(); }, milliseconds(8000)));
  EXPECT_TRUE(eventually([&] { return keys_in_etcd() == 1; }, milliseconds(3000)));
  registration.stop();
  EXPECT_EQ(keys_in_etcd(), 0u);
}

TEST_F(EtcdRestartTest, WhileEtcdIsDownAWatchKeepsItsListAndNewRegistrationsWait) {
  const StartAgain start_again("etcd");
  const ServiceInstance a = instance("a", 1001);
  const ServiceInstance b = instance("b", 1002);
  std::mutex mutex;
  std::vector<std::vector<ServiceInstance>> calls;
  EtcdDiscovery discovery(io_.get_executor(), {.etcd_url = url_,
                                               .poll_interval = milliseconds(100),
                                               .request_timeout = milliseconds(1000),
                                               .max_backoff = milliseconds(1000)});
  discovery.watch(service_, [&](std::vector<ServiceInstance> list) {
    std::lock_guard lock(mutex);
    calls.push_back(std::move(list));
  });
  const auto last_is = [&](const std::vector<ServiceInstance>& expected) {
    std::lock_guard lock(mutex);
    return !calls.empty() && calls.back() == expected;
  };
  Registration first(io_.get_executor(), options(), a);
  first.start();
  ASSERT_TRUE(eventually([&] { return last_is({a}); }, milliseconds(3000)));

  ASSERT_TRUE(infra_script("etcd", "stop"));
  Registration second(io_.get_executor(), options(), b);
  second.start();  // etcd is down: it must wait, not throw
  std::this_thread::sleep_for(milliseconds(2500));
  EXPECT_FALSE(second.registered());
  EXPECT_TRUE(last_is({a})) << "the watch keeps the last known list while etcd is down";

  ASSERT_TRUE(infra_script("etcd", "start"));
  EXPECT_TRUE(eventually([&] { return last_is({a, b}); }, milliseconds(8000)));
  first.stop();
  second.stop();
  EXPECT_EQ(keys_in_etcd(), 0u);
}

}  // namespace
