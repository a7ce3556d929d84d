#pragma once
// EtcdClient: the few etcd v3 calls the registry needs, through etcd's JSON gateway (grpc-gateway) over plain
// HTTP with the kit's HttpClient: POST <url>/v3/<service>/<method> with a JSON body, keys and values base64.
// etcd 3.4 (Debian bookworm) serves the gateway at /v3/ (and the deprecated /v3beta/); int64 fields travel as
// JSON strings. Streaming calls are used one message at a time: a lease keep-alive is one POST of one request,
// answered by one response, after which the server ends the stream.
//
// Every call throws RegistryUnavailable when etcd cannot be reached in time or answers with an error.
#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include "async/awaitable.hpp"
#include "http_client/http_client.hpp"
#include "registry/registry_error.hpp"

namespace dt::registry {

struct EtcdKeyValue {
  std::string key;
  std::string value;
  std::int64_t mod_revision = 0;
  std::int64_t lease = 0;  // 0: no lease
};

struct EtcdRange {
  std::int64_t revision = 0;  // the store's revision when it was read
  std::vector<EtcdKeyValue> kvs;
};

class EtcdClient {
 public:
  // url: "http://127.0.0.1:22379" (throws std::invalid_argument if malformed). timeout bounds each call.
  EtcdClient(Executor executor, std::string url, std::chrono::milliseconds timeout);

  const std::string& url() const { return url_; }

  // A new lease of ttl seconds; returns its id.
  Awaitable<std::int64_t> grant_lease(std::chrono::seconds ttl);
  // Renews the lease; returns its TTL in seconds from now, or 0 when etcd no longer knows it (expired, revoked,
  // or lost with etcd's data).
  Awaitable<std::int64_t> keep_alive(std::int64_t lease);
  // Revokes the lease and deletes its keys at once; a lease that no longer exists is no error.
  Awaitable<void> revoke_lease(std::int64_t lease);
  // Writes key = value, attached to lease (0: none).
  Awaitable<void> put(std::string key, std::string value, std::int64_t lease);
  // Every key starting with prefix, in key order.
  Awaitable<EtcdRange> range_prefix(std::string prefix);
  // Deletes every key starting with prefix; returns how many were deleted.
  Awaitable<std::int64_t> delete_prefix(std::string prefix);

 private:
  // POSTs body to <url><path>; returns the body of a 200 answer, throws RegistryUnavailable otherwise.
  Awaitable<std::string> post(std::string path, std::string body);

  std::string url_;
  std::chrono::milliseconds timeout_;
  http::HttpClient client_;
};

}  // namespace dt::registry
