#include "registry/service_registration.hpp"

#include <unistd.h>

#include <array>
#include <memory>
#include <stdexcept>
#include <string>

#include "http_client/http_url.hpp"
#include "log/log.hpp"
#include "registry/registration.hpp"
#include "registry/registry_keys.hpp"

namespace dt::registry {
namespace {

// The registration, created once the port is known; owned by the service.
struct ServiceRegistration {
  std::unique_ptr<Registration> registration;
};

std::string default_address(const std::string& listen_host) {
  if (listen_host != "0.0.0.0" && listen_host != "::" && !listen_host.empty()) return listen_host;
  std::array<char, 256> name{};
  if (::gethostname(name.data(), name.size() - 1) != 0 || name[0] == '\0') return "127.0.0.1";
  return name.data();
}

}  // namespace

void register_with_registry(service::Service& service, config::EnvConfig& env) {
  const std::string url = env.string("DT_REGISTRY_URL", "http://127.0.0.1:22379");
  const auto ttl = env.integer("DT_REGISTRY_TTL_SECONDS", 10, {.min = 2, .max = 300});
  const std::string address = env.string("DT_REGISTRY_ADDRESS", default_address(service.settings().http.host));
  if (url == "off") {
    log::info("registry: disabled (DT_REGISTRY_URL=off)");
    return;
  }
  try {
    http::HttpUrl::parse(url);
  } catch (const std::invalid_argument& e) {
    throw config::ConfigError(std::string("DT_REGISTRY_URL: ") + e.what());
  }
  service_prefix(service.settings().name);  // a name that cannot be a key fails now, not once listening

  RegistrationOptions options;
  options.etcd_url = url;
  options.ttl = std::chrono::seconds(ttl);
  auto& holder = service.own(std::make_unique<ServiceRegistration>());
  service.on_listening([&service, &holder, options, address](std::uint16_t port) {
    ServiceInstance instance;
    instance.service = service.settings().name;
    instance.address = address;
    instance.port = port;
    instance.id = instance.service + "-" + address + "-" + std::to_string(port) + "-" + std::to_string(::getpid());
    instance.version = service.settings().version;
    instance.health_url = instance.base_url() + "/health/ready";
    holder.registration = std::make_unique<Registration>(service.executor(), options, std::move(instance));
    holder.registration->start();
  });
  service.on_shutdown([&holder] {
    if (holder.registration) holder.registration->stop();
  });
}

}  // namespace dt::registry
