// Registration against the real etcd (DT_ETCD_URL): registering, keep-alive past the TTL, deregistering on
// stop, expiry of an abandoned registration (a killed process), and registering again after losing the lease.
#include "registry/registration.hpp"

#include "registry/etcd_discovery.hpp"
#include "registry/test_support/etcd_test.hpp"

namespace {

using dt::registry::EtcdDiscovery;
using dt::registry::Registration;
using dt::registry::RegistrationOptions;
using dt::registry::ServiceInstance;
using dt::registry::testing::Clock;
using dt::registry::testing::eventually;
using dt::registry::testing::milliseconds;

constexpr std::chrono::seconds kTtl{2};

class RegistrationTest : public dt::registry::testing::EtcdTest {
 protected:
  RegistrationOptions options() const {
    RegistrationOptions o;
    o.etcd_url = url_;
    o.ttl = kTtl;
    return o;
  }

  std::vector<ServiceInstance> listed() {
    EtcdDiscovery discovery(io_.get_executor(), {.etcd_url = url_});
    return sync(discovery.instances(service_));
  }

  std::int64_t lease_in_etcd() {
    const auto range = sync(etcd_->range_prefix(dt::registry::service_prefix(service_)));
    return range.kvs.size() == 1 ? range.kvs[0].lease : 0;
  }
};

TEST_F(RegistrationTest, ARegisteredInstanceIsListedAndStopRemovesItAtOnce) {
  const ServiceInstance self = instance("a", 1001);
  Registration registration(io_.get_executor(), options(), self);
  EXPECT_FALSE(registration.registered());
  registration.start();
  ASSERT_TRUE(eventually([&] { return registration.registered(); }, milliseconds(3000)));
  EXPECT_EQ(listed(), std::vector<ServiceInstance>{self});
  EXPECT_NE(lease_in_etcd(), 0) << "the key must be attached to a lease";

  registration.stop();
  EXPECT_FALSE(registration.registered());
  EXPECT_EQ(keys_in_etcd(), 0u) << "stop() revokes the lease before returning";
  registration.stop();  // idempotent
}

TEST_F(RegistrationTest, KeepAliveHoldsTheInstancePastItsTtl) {
  Registration registration(io_.get_executor(), options(), instance("a", 1001));
  registration.start();
  ASSERT_TRUE(eventually([&] { return registration.registered(); }, milliseconds(3000)));
  const std::int64_t lease = lease_in_etcd();
  std::this_thread::sleep_for(kTtl * 2 + milliseconds(500));
  EXPECT_EQ(keys_in_etcd(), 1u);
  EXPECT_EQ(lease_in_etcd(), lease) << "renewed, not registered again";
  EXPECT_TRUE(registration.registered());
  registration.stop();
}

TEST_F(RegistrationTest, AnAbandonedRegistrationDisappearsWithinItsTtl) {
  {
    Registration registration(io_.get_executor(), options(), instance("a", 1001));
    registration.start();
    ASSERT_TRUE(eventually([&] { return registration.registered(); }, milliseconds(3000)));
  }  // destroyed without stop(): the keep-alive ends, nothing is revoked, as when the process is killed
  const auto dropped = Clock::now();
  EXPECT_EQ(keys_in_etcd(), 1u) << "still listed right after: nobody revoked the lease";
  ASSERT_TRUE(eventually([&] { return keys_in_etcd() == 0; }, kTtl + milliseconds(2000)));
  EXPECT_LE(Clock::now() - dropped, kTtl + milliseconds(1000)) << "etcd checks lease expiry every 500 ms";
}

TEST_F(RegistrationTest, ALostLeaseIsRegisteredAgain) {
  Registration registration(io_.get_executor(), options(), instance("a", 1001));
  registration.start();
  ASSERT_TRUE(eventually([&] { return registration.registered(); }, milliseconds(3000)));
  const std::int64_t lease = lease_in_etcd();
  sync(etcd_->revoke_lease(lease));  // what losing etcd's data looks like to the registration
  EXPECT_EQ(keys_in_etcd(), 0u);

  // The next renewal (every ttl/3) finds the lease gone and registers again under a new one.
  ASSERT_TRUE(eventually([&] { return keys_in_etcd() == 1; }, kTtl + milliseconds(1000)));
  EXPECT_NE(lease_in_etcd(), lease);
  EXPECT_TRUE(eventually([&] { return registration.registered(); }, milliseconds(1000)));
  registration.stop();
  EXPECT_EQ(keys_in_etcd(), 0u);
}

TEST_F(RegistrationTest, TwoInstancesOfOneServiceAreListedSeparately) {
  const ServiceInstance a = instance("a", 1001);
  const ServiceInstance b = instance("b", 1002);
  Registration first(io_.get_executor(), options(), b);
  Registration second(io_.get_executor(), options(), a);
  first.start();
  second.start();
  ASSERT_TRUE(eventually([&] { return first.registered() && second.registered(); }, milliseconds(3000)));
  EXPECT_EQ(listed(), (std::vector<ServiceInstance>{a, b})) << "sorted by id";
  first.stop();
  EXPECT_EQ(listed(), std::vector<ServiceInstance>{a});
  second.stop();
  EXPECT_TRUE(listed().empty());
}

}  // namespace
