#include "registry/service_instance.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

#include <stdexcept>

namespace dt::registry {
namespace {

namespace json = boost::json;

std::string text_field(const json::object& object, std::string_view name, bool required) {
  const json::value* field = object.if_contains(name);
  if (field == nullptr) {
    if (required) throw std::invalid_argument("service instance: '" + std::string(name) + "' is missing");
    return {};
  }
  if (!field->is_string()) throw std::invalid_argument("service instance: '" + std::string(name) + "' not a string");
  return std::string(field->get_string());
}

}  // namespace

std::string ServiceInstance::base_url() const {
  const bool ipv6 = address.find(':') != std::string::npos;
  return "http://" + (ipv6 ? "[" + address + "]" : address) + ":" + std::to_string(port);
}

std::string to_json(const ServiceInstance& instance) {
  json::object object;
  object["service"] = instance.service;
  object["id"] = instance.id;
  object["address"] = instance.address;
  object["port"] = instance.port;
  object["version"] = instance.version;
  object["health_url"] = instance.health_url;
  return json::serialize(object);
}

ServiceInstance parse_instance(std::string_view text) {
  boost::system::error_code ec;
  const json::value value = json::parse(text, ec);
  if (ec) throw std::invalid_argument("service instance: not JSON: " + ec.message());
  if (!value.is_object()) throw std::invalid_argument("service instance: not a JSON object");
  const json::object& object = value.get_object();
  ServiceInstance instance;
  instance.service = text_field(object, "service", true);
  instance.id = text_field(object, "id", true);
  instance.address = text_field(object, "address", true);
  const json::value* port = object.if_contains("port");
  if (port == nullptr || !port->is_int64() || port->get_int64() < 1 || port->get_int64() > 65535) {
    throw std::invalid_argument("service instance: 'port' must be an integer from 1 to 65535");
  }
  instance.port = static_cast<std::uint16_t>(port->get_int64());
  instance.version = text_field(object, "version", false);
  instance.health_url = text_field(object, "health_url", false);
  if (instance.service.empty() || instance.id.empty() || instance.address.empty()) {
    throw std::invalid_argument("service instance: 'service', 'id' and 'address' must not be empty");
  }
  return instance;
}

}  // namespace dt::registry
