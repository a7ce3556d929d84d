// ServiceInstance's JSON form (what sits in etcd) and the registry's key layout.
#include "registry/service_instance.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

#include "registry/registry_keys.hpp"

namespace {

using dt::registry::instance_key;
using dt::registry::parse_instance;
using dt::registry::prefix_range_end;
using dt::registry::service_prefix;
using dt::registry::ServiceInstance;

ServiceInstance catalog() {
  ServiceInstance instance;
  instance.service = "catalog";
  instance.id = "catalog-127.0.0.1-28081-42";
  instance.address = "127.0.0.1";
  instance.port = 28081;
  instance.version = "1.2.3";
  instance.health_url = "http://127.0.0.1:28081/health/ready";
  return instance;
}

TEST(ServiceInstance, RoundTripsThroughJson) {
  const ServiceInstance instance = catalog();
  EXPECT_EQ(to_json(instance),
            R"({"service":"catalog","id":"catalog-127.0.0.1-28081-42","address":"127.0.0.1","port":28081,)"
            R"("version":"1.2.3","health_url":"http://127.0.0.1:28081/health/ready"})");
  EXPECT_EQ(parse_instance(to_json(instance)), instance);
}

TEST(ServiceInstance, ParsingNamesWhatIsWrong) {
  const auto error_of = [](std::string_view json) -> std::string {
    try {
      parse_instance(json);
    } catch (const std::invalid_argument& e) {
      return e.what();
    }
    return "no error";
  };
  EXPECT_NE(error_of("not json").find("not JSON"), std::string::npos);
  EXPECT_NE(error_of("[1]").find("not a JSON object"), std::string::npos);
  EXPECT_NE(error_of(R"({"id":"x","address":"a","port":1})").find("'service' is missing"), std::string::npos);
  EXPECT_NE(error_of(R"({"service":"s","id":"x","address":"a","port":0})").find("'port'"), std::string::npos);
  EXPECT_NE(error_of(R"({"service":"s","id":"x","address":"a","port":"80"})").find("'port'"), std::string::npos);
  EXPECT_EQ(error_of(R"({"service":"s","id":"x","address":"a","port":80})"), "no error");
}

TEST(ServiceInstance, BaseUrlBracketsIpv6) {
  ServiceInstance instance = catalog();
  EXPECT_EQ(instance.base_url(), "http://127.0.0.1:28081");
  instance.address = "::1";
  EXPECT_EQ(instance.base_url(), "http://[::1]:28081");
}

TEST(RegistryKeys, LayoutIsServicesSlashNameSlashId) {
  EXPECT_EQ(service_prefix("catalog"), "/drivetest/services/catalog/");
  EXPECT_EQ(instance_key(catalog()), "/drivetest/services/catalog/catalog-127.0.0.1-28081-42");
  EXPECT_THROW(service_prefix("Catalog"), std::invalid_argument);
  EXPECT_THROW(service_prefix("a/b"), std::invalid_argument);
  EXPECT_THROW(service_prefix(""), std::invalid_argument);
  ServiceInstance bad = catalog();
  bad.id = "a/b";
  EXPECT_THROW(instance_key(bad), std::invalid_argument);
  bad.id = "";
  EXPECT_THROW(instance_key(bad), std::invalid_argument);
}

TEST(RegistryKeys, PrefixRangeEndIsTheNextKeyAfterThePrefix) {
  EXPECT_EQ(prefix_range_end("/drivetest/services/catalog/"), "/drivetest/services/catalog0");
  EXPECT_EQ(prefix_range_end(std::string("a\xff", 2)), "b");
  EXPECT_EQ(prefix_range_end(std::string("\xff", 1)), std::string(1, '\0'));
}

}  // namespace
