// register_with_registry against the real etcd (DT_ETCD_URL): a whole Service registers with its bound port
// once it listens and deregisters when it shuts down; DT_REGISTRY_URL=off registers nothing.
#include "registry/service_registration.hpp"

#include <boost/asio/post.hpp>

#include <map>
#include <optional>

#include "registry/etcd_discovery.hpp"
#include "registry/test_support/etcd_test.hpp"

namespace {

using dt::registry::EtcdDiscovery;
using dt::registry::ServiceInstance;
using dt::registry::testing::eventually;
using dt::registry::testing::milliseconds;

dt::config::EnvConfig env_of(std::map<std::string, std::string> variables) {
  return dt::config::EnvConfig([variables](const std::string& name) -> std::optional<std::string> {
    const auto found = variables.find(name);
    if (found == variables.end()) return std::nullopt;
    return found->second;
  });
}

class ServiceRegistrationTest : public dt::registry::testing::EtcdTest {
 protected:
  dt::service::ServiceSettings settings() const {
    dt::service::ServiceSettings s;
    s.name = service_;
    s.version = "9.9.9";
    s.threads = 1;
    s.http.port = 0;
    return s;
  }

  std::vector<ServiceInstance> listed() {
    EtcdDiscovery discovery(io_.get_executor(), {.etcd_url = url_});
    return sync(discovery.instances(service_));
  }
};

TEST_F(ServiceRegistrationTest, AServiceRegistersOnceListeningAndDeregistersOnShutdown) {
  dt::service::Service service(settings());
  auto env = env_of({{"DT_REGISTRY_URL", url_}, {"DT_REGISTRY_TTL_SECONDS", "2"}});
  dt::registry::register_with_registry(service, env);
  env.check();
  std::thread running([&service] { service.run(); });

  ASSERT_TRUE(eventually([&] { return listed().size() == 1; }, milliseconds(5000)));
  const ServiceInstance self = listed().at(0);
  EXPECT_EQ(self.service, service_);
  EXPECT_EQ(self.address, "127.0.0.1");
  EXPECT_EQ(self.port, service.port());
  EXPECT_NE(self.port, 0);
  EXPECT_EQ(self.version, "9.9.9");
  EXPECT_EQ(self.id, service_ + "-127.0.0.1-" + std::to_string(self.port) + "-" + std::to_string(::getpid()));
  EXPECT_EQ(self.health_url, "http://127.0.0.1:" + std::to_string(self.port) + "/health/ready");

  boost::asio::post(service.executor(), [&service] { service.stop(); });
  running.join();
  EXPECT_EQ(keys_in_etcd(), 0u) << "deregistered when shutdown began";
}

TEST_F(ServiceRegistrationTest, OffRegistersNothing) {
  dt::service::Service service(settings());
  auto env = env_of({{"DT_REGISTRY_URL", "off"}});
  dt::registry::register_with_registry(service, env);
  env.check();
  service.on_listening(
      [&service](std::uint16_t) { boost::asio::post(service.executor(), [&service] { service.stop(); }); });
  EXPECT_EQ(service.run(), 0);
  EXPECT_EQ(keys_in_etcd(), 0u);
}

TEST_F(ServiceRegistrationTest, BadSettingsStopStartUp) {
  dt::service::Service service(settings());
  auto bad_url = env_of({{"DT_REGISTRY_URL", "etcd:2379"}});
  EXPECT_THROW(dt::registry::register_with_registry(service, bad_url), dt::config::ConfigError);
  auto bad_ttl = env_of({{"DT_REGISTRY_TTL_SECONDS", "1"}});
  dt::registry::register_with_registry(service, bad_ttl);
  EXPECT_THROW(bad_ttl.check(), dt::config::ConfigError);
}

}  // namespace
