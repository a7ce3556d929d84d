#pragma once
// JwksCache: the identity provider's current signing keys, fetched from its JWKS URL when first needed (the
// identity server may start after the service), fetched again when a token names a key the cached set lacks
// (key rotation) or when the set is older than max_age, but never more than once per min_refresh_interval, so
// a flood of tokens with made-up kids cannot make the service hammer the identity provider. Concurrent callers
// share one fetch (single flight). Thread-safe: callers may run on any thread of the runtime.
//
//   auto keys = co_await cache.keys_for(kid);           // throws JwksUnavailable: answer 503, not 401
//   auto principal = verify_token(token, *keys, options, now);
#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>

#include "async/awaitable.hpp"
#include "auth/key_set.hpp"
#include "http_client/http_client.hpp"

namespace dt::auth {

// No key set can be had: the JWKS endpoint is unreachable, answers an error or garbage. Not the client's fault.
class JwksUnavailable : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct JwksOptions {
  std::string jwks_url;  // e.g. "http://127.0.0.1:28180/realms/drivetest/protocol/openid-connect/certs"
  std::chrono::seconds min_refresh_interval{10};  // between two fetch attempts, whatever triggers them
  std::chrono::seconds max_age{3600};             // a set older than this is fetched again when next used
  std::chrono::milliseconds fetch_timeout{5000};
};

class JwksCache {
 public:
  using SteadyClock = std::function<std::chrono::steady_clock::time_point()>;

  // `client` must outlive the cache; `clock` is for tests.
  JwksCache(Executor executor, http::HttpClient& client, JwksOptions options,
            SteadyClock clock = &std::chrono::steady_clock::now);
  ~JwksCache();
  JwksCache(const JwksCache&) = delete;
  JwksCache& operator=(const JwksCache&) = delete;

  // The key set to check a token signed with `kid`. Fetches first when there is no set yet, when kid is not in
  // it, or when it is older than max_age, unless the last attempt was less than min_refresh_interval ago. The
  // returned set may still lack kid: the provider does not publish it (verify_token then says unknown_key).
  // Throws JwksUnavailable when there is no set, or when the last fetch failed and the cached set lacks kid; a
  // failed refresh keeps serving the keys already known.
  Awaitable<std::shared_ptr<const KeySet>> keys_for(std::string kid);

 private:
  struct Flight;
  struct Step;
  class FlightGuard;

  Step decide(const std::string& kid);
  std::shared_ptr<const KeySet> settle(const std::string& kid);  // under mutex_
  std::shared_ptr<const KeySet> settled(const std::string& kid);
  Awaitable<std::shared_ptr<const KeySet>> fetch();
  void finish(std::shared_ptr<const KeySet> fetched, std::string error);

  Executor executor_;
  http::HttpClient& client_;
  JwksOptions options_;
  SteadyClock clock_;

  std::mutex mutex_;
  std::shared_ptr<const KeySet> keys_;  // the last set fetched; nullptr until a fetch succeeded
  std::chrono::steady_clock::time_point fetched_at_;
  std::optional<std::chrono::steady_clock::time_point> last_attempt_;
  std::string last_error_;          // why the last attempt failed; empty when it succeeded
  std::shared_ptr<Flight> flight_;  // the fetch in progress, if any
};

}  // namespace dt::auth
