#include "registry/etcd_client.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

#include <algorithm>
#include <charconv>
#include <stdexcept>

#include "digest/base64.hpp"
#include "http_client/http_url.hpp"
#include "registry/registry_keys.hpp"

namespace dt::registry {
namespace {

namespace json = boost::json;
using digest::base64_decode;
using digest::base64_encode;

http::ClientOptions client_options(std::chrono::milliseconds timeout) {
  http::ClientOptions options;
  options.max_connections_per_host = 4;
  options.connect_timeout = timeout;
  options.request_timeout = timeout;
  options.acquire_timeout = timeout;
  return options;
}

std::string normalized(std::string url) {
  while (!url.empty() && url.back() == '/') url.pop_back();
  const http::HttpUrl parsed = http::HttpUrl::parse(url);
  if (parsed.target != "/" && !parsed.target.empty()) {
    throw std::invalid_argument("etcd url '" + url + "' must have no path");
  }
  return url;
}

// An int64 field of a gateway answer: a JSON string ("42") or number; 0 when absent (proto3 omits zeros).
std::int64_t int64_field(const json::object& object, std::string_view name) {
  const json::value* field = object.if_contains(name);
  if (field == nullptr) return 0;
  if (field->is_int64()) return field->get_int64();
  if (field->is_uint64()) return static_cast<std::int64_t>(field->get_uint64());
  if (field->is_string()) {
    const json::string& text = field->get_string();
    std::int64_t value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec == std::errc() && end == text.data() + text.size()) return value;
  }
  throw RegistryUnavailable("etcd: field '" + std::string(name) + "' is not an integer");
}

std::string bytes_field(const json::object& object, std::string_view name) {
  const json::value* field = object.if_contains(name);
  if (field == nullptr) return {};
  if (!field->is_string()) throw RegistryUnavailable("etcd: field '" + std::string(name) + "' is not a string");
  try {
    return base64_decode(field->get_string());
  } catch (const std::invalid_argument& e) {
    throw RegistryUnavailable("etcd: field '" + std::string(name) + "': " + e.what());
  }
}

// The gateway's error document: {"error":"...","message":"...","code":5} for unary calls, and
// {"error":{"grpc_code":5,"message":"..."}} inside a stream.
std::string error_message(const json::value& error) {
  if (error.is_string()) return std::string(error.get_string());
  if (error.is_object()) {
    if (const json::value* message = error.get_object().if_contains("message"); message && message->is_string()) {
      return std::string(message->get_string());
    }
  }
  return json::serialize(error);
}

json::object parse_object(const std::string& body, const std::string& what) {
  boost::system::error_code ec;
  json::value value = json::parse(body, ec);
  if (ec || !value.is_object()) throw RegistryUnavailable("etcd " + what + ": the answer is not a JSON object");
  json::object object = std::move(value.get_object());
  if (const json::value* error = object.if_contains("error")) {
    throw RegistryUnavailable("etcd " + what + ": " + error_message(*error));
  }
  return object;
}

std::string lease_text(std::int64_t lease) { return std::to_string(lease); }

}  // namespace

EtcdClient::EtcdClient(Executor executor, std::string url, std::chrono::milliseconds timeout)
    : url_(normalized(std::move(url))), timeout_(timeout), client_(std::move(executor), client_options(timeout)) {}

Awaitable<std::string> EtcdClient::post(std::string path, std::string body) {
  http::ClientRequest request;
  request.method = "POST";
  request.headers.set("Content-Type", "application/json");
  request.body = std::move(body);
  request.timeout = timeout_;
  const std::string target = url_ + path;
  http::ClientResponse response;
  try {
    response = co_await client_.send(target, std::move(request));
  } catch (const http::ClientError& e) {
    throw RegistryUnavailable("etcd " + path + " at " + url_ + ": " + e.what());
  }
  if (response.status != 200) {
    boost::system::error_code ec;
    const json::value document = json::parse(response.body, ec);
    std::string reason = "HTTP " + std::to_string(response.status);
    if (!ec && document.is_object()) {
      if (const json::value* error = document.get_object().if_contains("error")) reason += ": " + error_message(*error);
    }
    throw RegistryUnavailable("etcd " + path + " at " + url_ + ": " + reason);
  }
  co_return std::move(response.body);
}

Awaitable<std::int64_t> EtcdClient::grant_lease(std::chrono::seconds ttl) {
  json::object body;
  body["TTL"] = static_cast<std::int64_t>(ttl.count());
  const std::string path = "/v3/lease/grant";
  const json::object answer = parse_object(co_await post(path, json::serialize(body)), path);
  const std::int64_t id = int64_field(answer, "ID");
  if (id == 0) throw RegistryUnavailable("etcd " + path + ": no lease id in the answer");
  co_return id;
}

Awaitable<std::int64_t> EtcdClient::keep_alive(std::int64_t lease) {
  json::object body;
  body["ID"] = lease_text(lease);
  const std::string path = "/v3/lease/keepalive";
  const json::object answer = parse_object(co_await post(path, json::serialize(body)), path);
  const json::value* result = answer.if_contains("result");
  if (result == nullptr || !result->is_object()) throw RegistryUnavailable("etcd " + path + ": no result");
  // An unknown lease is answered with TTL 0, which proto3 leaves out.
  co_return std::max<std::int64_t>(0, int64_field(result->get_object(), "TTL"));
}

Awaitable<void> EtcdClient::revoke_lease(std::int64_t lease) {
  json::object body;
  body["ID"] = lease_text(lease);
  const std::string path = "/v3/lease/revoke";
  try {
    parse_object(co_await post(path, json::serialize(body)), path);
  } catch (const RegistryUnavailable& e) {
    if (std::string_view(e.what()).find("lease not found") == std::string_view::npos) throw;
  }
}

Awaitable<void> EtcdClient::put(std::string key, std::string value, std::int64_t lease) {
  json::object body;
  body["key"] = base64_encode(key);
  body["value"] = base64_encode(value);
  if (lease != 0) body["lease"] = lease_text(lease);
  const std::string path = "/v3/kv/put";
  parse_object(co_await post(path, json::serialize(body)), path);
}

Awaitable<EtcdRange> EtcdClient::range_prefix(std::string prefix) {
  json::object body;
  body["key"] = base64_encode(prefix);
  body["range_end"] = base64_encode(prefix_range_end(prefix));
  const std::string path = "/v3/kv/range";
  const json::object answer = parse_object(co_await post(path, json::serialize(body)), path);
  EtcdRange range;
  if (const json::value* header = answer.if_contains("header"); header && header->is_object()) {
    range.revision = int64_field(header->get_object(), "revision");
  }
  if (const json::value* kvs = answer.if_contains("kvs"); kvs && kvs->is_array()) {
    for (const json::value& item : kvs->get_array()) {
      if (!item.is_object()) throw RegistryUnavailable("etcd " + path + ": a key-value is not an object");
      const json::object& kv = item.get_object();
      range.kvs.push_back({.key = bytes_field(kv, "key"),
                           .value = bytes_field(kv, "value"),
                           .mod_revision = int64_field(kv, "mod_revision"),
                           .lease = int64_field(kv, "lease")});
    }
  }
  co_return range;
}

Awaitable<std::int64_t> EtcdClient::delete_prefix(std::string prefix) {
  json::object body;
  body["key"] = base64_encode(prefix);
  body["range_end"] = base64_encode(prefix_range_end(prefix));
  const std::string path = "/v3/kv/deleterange";
  const json::object answer = parse_object(co_await post(path, json::serialize(body)), path);
  co_return int64_field(answer, "deleted");
}

}  // namespace dt::registry
